using Microsoft.AspNetCore.SignalR;
using NetwerkLive.ClusterTests.Infrastructure;
using NetwerkLive.Contracts;

namespace NetwerkLive.ClusterTests;

/// <summary>
/// Breakout call signalling across nodes: a member connected to one node reaches a partner connected to the other
/// (through the Redis backplane), and nobody outside the group, wherever they are connected.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class CrossNodeCallSignalTests(TwoNodeCluster nodes)
{
    [Fact]
    public async Task ASignalFromAMemberOnOneNodeReachesThePartnerOnTheOtherAndNoOutsiderThere()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (host, _) = await live.JoinAsHostAsync(nodes.A);
        var (ann, _) = await live.JoinAsync(nodes.A, "Ann");
        var (bob, _) = await live.JoinAsync(nodes.B, "Bob");
        var (eva, _) = await live.JoinAsync(nodes.B, "Eva");
        await eva.Connection.SetAvailable(false);
        var round = await host.Connection.StartRound(60, 2);
        var anns = await ann.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);

        await ann.Connection.SendCallSignal(anns.GroupId, bob.AttendeeId, """{"kind":"description","sdp":"v=0\r\n"}""");
        var toOutsider = await Assert.ThrowsAsync<HubException>(() => ann.Connection.SendCallSignal(anns.GroupId, eva.AttendeeId, "candidate"));

        Assert.Equal(new CallSignalNotice(round.RoundId, anns.GroupId, ann.AttendeeId, """{"kind":"description","sdp":"v=0\r\n"}"""),
            await bob.CallSignals.WaitForAny());
        Assert.EndsWith("You can only call the people in your own breakout.", toOutsider.Message, StringComparison.Ordinal);
        await host.Connection.Announce("marker");
        await eva.Announcements.WaitForAny();
        Assert.Empty(eva.CallSignals.Items);
        await Rounds.EndAndSettleAsync(host, [ann, bob], round.RoundId);
    }
}
