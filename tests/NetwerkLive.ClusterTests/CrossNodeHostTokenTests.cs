using System.Net;
using NetwerkLive.Client;
using NetwerkLive.ClusterTests.Infrastructure;

namespace NetwerkLive.ClusterTests;

/// <summary>The host replaces the host token through one node: the old one stops working on the other at once.</summary>
[Collection(SharedCluster.Name)]
public sealed class CrossNodeHostTokenTests(TwoNodeCluster nodes)
{
    private const string Replaced = "This host link was replaced by a newer one, so it no longer works. Open the newest host link.";

    [Fact]
    public async Task AHostTokenReplacedThroughOneNodeIsCutOffAndRefusedOnTheOther()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (oldHost, _) = await live.JoinAsHostAsync(nodes.B);

        var rotated = await nodes.A.Api.RotateHostTokenAsync(live.Id, live.Created.HostToken);

        await oldHost.Closed.WaitForAny();
        var refused = await Assert.ThrowsAsync<NetwerkLiveApiException>(() => nodes.B.Api.GetReportAsync(live.Id, live.Created.HostToken));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains(Replaced, refused.Body, StringComparison.Ordinal);
        var newHost = live.Unstarted(nodes.B, "", rotated.HostToken);
        await newHost.Connection.StartAsync();
        Assert.True((await newHost.Connection.Join()).Self.IsHost);
    }
}
