namespace NetwerkLive.ClusterTests.Infrastructure;

/// <summary>
/// Two nodes shared by every test class in <see cref="SharedCluster"/>: each test makes its own
/// event, so they do not interfere. Tests that kill nodes or Redis start a cluster of their own instead.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    private Cluster? _cluster;

    public Cluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public ClusterNode A => Cluster[0];

    public ClusterNode B => Cluster[1];

    public async Task InitializeAsync() => _cluster = await Cluster.StartAsync(2);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

/// <summary>
/// One cluster for all the quick cross-node tests. Their classes then run one after another, but each
/// test takes a second or two; a cluster per class would start many more server processes at once
/// than two cores start in good time, next to the clusters of the node and Redis failure tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<TwoNodeCluster>
{
    public const string Name = "Shared two-node cluster";
}
