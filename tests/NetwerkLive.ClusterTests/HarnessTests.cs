using NetwerkLive.ClusterTests.Infrastructure;

namespace NetwerkLive.ClusterTests;

/// <summary>The harness itself. (That a killed node stops answering is checked where a test kills one.)</summary>
public sealed class HarnessTests
{
    [Fact]
    public async Task AStoppedNodeExitsGracefully()
    {
        await using var cluster = await Cluster.StartAsync(1);

        await cluster[0].StopAsync();

        Assert.True(cluster[0].HasExited);
        Assert.DoesNotContain("did not stop within", cluster[0].Output, StringComparison.Ordinal);
    }
}
