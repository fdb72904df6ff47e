using NetwerkLive.ClusterTests.Infrastructure;
using NetwerkLive.Contracts;

namespace NetwerkLive.ClusterTests;

/// <summary>
/// PartnerConnection across nodes: the node where a member's last connection closes tells the partner, wherever the
/// partner is connected, and the node the member comes back on says they are back.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class CrossNodePartnerConnectionTests(TwoNodeCluster nodes)
{
    [Fact]
    public async Task APartnerOnAnotherNodeHearsAtOnceWhenTheConnectionIsLostAndWhenItIsBack()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (host, _) = await live.JoinAsHostAsync(nodes.A);
        var (ann, _) = await live.JoinAsync(nodes.A, "Ann");
        var (bob, _) = await live.JoinAsync(nodes.B, "Bob");
        var round = await host.Connection.StartRound(60, 2);
        var bobs = await bob.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);

        await live.CloseAsync(ann);
        var lost = await bob.PartnerConnection.WaitFor(n => !n.Connected);
        await live.OpenTabAsync(nodes.B, ann);
        var back = await bob.PartnerConnection.WaitFor(n => n.Connected);

        Assert.Equal(new PartnerConnectionNotice(bobs.RoundId, bobs.GroupId, ann.AttendeeId, Connected: false), lost);
        Assert.Equal(lost with { Connected = true }, back);
        await Rounds.EndAndSettleAsync(host, [bob], round.RoundId);
    }
}
