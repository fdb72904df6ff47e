using System.Net;
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
        // Someone on each node, to show that node serves others at the moment it refuses Bob.
        var (onA, _) = await live.JoinAsync(nodes.A, "Ann");
        var (onB, _) = await live.JoinAsync(nodes.B, "Cas");

        await host.Connection.RemoveAttendee(bob.AttendeeId);

        var notice = await bob.Removed.WaitForAny();
        Assert.Contains("The host removed you", notice.Reason, StringComparison.Ordinal);
        await bob.Closed.WaitForAny();
        foreach (var (node, other) in new[] { (nodes.A, onA), (nodes.B, onB) })
        {
            await AssertRefusedAsync(live.Unstarted(node, bob.AttendeeId, bob.Token), node);
            var sent = await other.Connection.SendChat($"Nog steeds welkom op node {node.Name}");
            Assert.Equal(sent, await other.Chat.WaitFor(m => m.Seq == sent.Seq));
        }
    }

    [Fact]
    public async Task GoingLiveThroughOneNodeOpensTheEventForEveryoneOnBothAndALaterJoinOnEitherKnows()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.B, startsAt: DateTimeOffset.UtcNow.AddDays(1));
        var (host, _) = await live.JoinAsHostAsync(nodes.A);
        var (ann, annJoin) = await live.JoinAsync(nodes.A, "Ann");
        var (bob, _) = await live.JoinAsync(nodes.B, "Bob");
        Assert.Null(annJoin.Event.LiveAt);

        await host.Connection.GoLive();

        var notices = await Task.WhenAll(new[] { host, ann, bob }.Select(c => c.EventLive.WaitForAny()));
        Assert.All(notices, n => Assert.Equal(notices[0].LiveAt, n.LiveAt));
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            var (_, later) = await live.JoinAsync(node, $"Later op node {node.Name}");
            Assert.Equal(notices[0].LiveAt, later.Event.LiveAt);
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
    /// A removed attendee's token gets them nowhere on <paramref name="node"/>: the WebSocket handshake is
    /// refused with 401 (a node that is down refuses nothing: its connection fails without one), and a
    /// browser's negotiate is told why.
    /// </summary>
    private static async Task AssertRefusedAsync(TestClient again, ClusterNode node)
    {
        var refused = await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => again.Connection.StartAsync());
        Assert.Contains("'401'", refused.Message, StringComparison.Ordinal);
        var (status, detail) = await node.NegotiateAsync(again.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("The host removed you from this event, so this token no longer works.", detail);
    }
}
