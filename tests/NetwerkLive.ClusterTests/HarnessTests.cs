using NetwerkLive.ClusterTests.Infrastructure;

namespace NetwerkLive.ClusterTests;

/// <summary>The harness itself: nodes start on their own ports, become ready, and die when killed.</summary>
public sealed class HarnessTests
{
    [Fact]
    public async Task TwoNodesBecomeReadyOnTheirOwnPortsAndAKilledNodeStopsAnswering()
    {
        await using var cluster = await Cluster.StartAsync(2);
        Assert.NotEqual(cluster[0].BaseUrl, cluster[1].BaseUrl);
        using var http = new HttpClient();
        foreach (var node in cluster.Nodes)
        {
            using var health = await http.GetAsync(new Uri(node.BaseUrl, "/healthz"));
            Assert.True(health.IsSuccessStatusCode, $"node {node.Name}: /healthz answered {(int)health.StatusCode}.\n{cluster.Output()}");
        }

        await cluster[0].KillAsync();

        Assert.True(cluster[0].HasExited);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(new Uri(cluster[0].BaseUrl, "/healthz")));
        using var survivor = await http.GetAsync(new Uri(cluster[1].BaseUrl, ClusterNode.ReadinessPath));
        Assert.True(survivor.IsSuccessStatusCode, $"node B is no longer ready after A died.\n{cluster.Output()}");
    }

    [Fact]
    public async Task AStoppedNodeExitsGracefully()
    {
        await using var cluster = await Cluster.StartAsync(1);

        await cluster[0].StopAsync();

        Assert.True(cluster[0].HasExited);
        Assert.DoesNotContain("did not stop within", cluster[0].Output, StringComparison.Ordinal);
    }
}
