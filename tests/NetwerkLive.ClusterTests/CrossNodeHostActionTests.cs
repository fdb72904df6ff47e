using Microsoft.AspNetCore.SignalR;
using NetwerkLive.ClusterTests.Infrastructure;

namespace NetwerkLive.ClusterTests;

/// <summary>The host acts through one node on people and messages that live on the other.</summary>
[Collection(SharedCluster.Name)]
public sealed class CrossNodeHostActionTests(TwoNodeCluster nodes)
{
    [Fact]
    public async Task AnAttendeeOnTheOtherNodeRemovedByTheHostIsToldAndCutOffEverywhere()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (host, _) = await live.JoinAsHostAsync(nodes.A);
        var (bob, _) = await live.JoinAsync(nodes.B, "Bob");

        await host.Connection.RemoveAttendee(bob.AttendeeId);

        await bob.Removed.WaitForAny();
        await bob.Closed.WaitForAny();
        foreach (var node in nodes.Cluster.Nodes)
        {
            await AssertRefusedAsync(live.Unstarted(node, bob.AttendeeId, bob.Token), node);
        }
    }

    [Fact]
    public async Task AMessageDeletedByTheHostOnOneNodeDisappearsOnTheOther()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.B);
        var (host, _) = await live.JoinAsHostAsync(nodes.A);
        var (bob, _) = await live.JoinAsync(nodes.B, "Bob");
        var (cas, _) = await live.JoinAsync(nodes.B, "Cas");
        var kept = await bob.Connection.SendChat("Dit blijft staan");
        var rude = await bob.Connection.SendChat("Dit moet weg");
        await host.Chat.WaitFor(m => m.Seq == rude.Seq);

        await host.Connection.DeleteMessage(rude.Seq);

        Assert.Equal(rude.Seq, await cas.Deleted.WaitFor(seq => seq == rude.Seq));
        Assert.Equal([kept], await cas.Connection.GetChatSince(0, 200));
        Assert.Equal([kept], await host.Connection.GetChatSince(0, 200));
    }

    /// <summary>
    /// A removed attendee's token gets them nowhere on <paramref name="node"/>: the connection is refused,
    /// or it opens and both Join and SendChat are refused.
    /// </summary>
    private static async Task AssertRefusedAsync(TestClient again, ClusterNode node)
    {
        try
        {
            await again.Connection.StartAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException)
        {
            return;
        }
        var join = await Assert.ThrowsAsync<HubException>(() => again.Connection.Join());
        Assert.Contains("removed", join.Message, StringComparison.OrdinalIgnoreCase);
        await Assert.ThrowsAsync<HubException>(() => again.Connection.SendChat($"Nog steeds hier, via node {node.Name}?"));
    }
}
