namespace NetwerkLive.ClusterTests.Infrastructure;

/// <summary>
/// Two nodes that the tests of one class share (class fixture): each test makes its own event, so they
/// do not interfere. Tests that kill nodes or Redis start a cluster of their own instead.
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
