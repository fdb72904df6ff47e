using NetwerkLive.ClusterTests.Infrastructure;
using NetwerkLive.Contracts;

namespace NetwerkLive.ClusterTests;

/// <summary>
/// The host's overview across nodes: the node where a breakout change happens builds and pushes it, and the backplane
/// brings it to a host connected to another node, within a second of the change.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class CrossNodeHostOverviewTests(TwoNodeCluster nodes)
{
    private static readonly TimeSpan WithinASecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ARoundStartedAndAPartnerLeavingOnOneNodeReachTheHostOnTheOtherWithinASecond()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (host, _) = await live.JoinAsHostAsync(nodes.B);
        var (ann, _) = await live.JoinAsync(nodes.A, "Ann", "Hoya");
        var (bob, _) = await live.JoinAsync(nodes.A, "Bob", "Sweco");
        var (starter, _) = await live.JoinAsHostAsync(nodes.A);

        var round = await starter.Connection.StartRound(60, 2);
        var started = await host.Overviews.WaitFor(o => o.Round?.RoundId == round.RoundId, WithinASecond);
        await ann.Connection.LeaveBreakout();
        var left = await host.Overviews.WaitFor(o => o.SatOut.Any(p => p.AttendeeId == ann.AttendeeId), WithinASecond);

        var pair = started.Groups.Single();
        Assert.Equal(["Ann Hoya", "Bob Sweco"], pair.Members.Select(m => $"{m.DisplayName} {m.Company}").Order(StringComparer.Ordinal));
        Assert.All(pair.Members, m => Assert.Equal(MemberStates.InGroup, m.State));
        Assert.Empty(left.Groups);
        Assert.Equal([bob.AttendeeId], left.Waiting.Select(p => p.AttendeeId));
        Assert.Equal(new OverviewCounts(Present: 2, Open: 2, InBreakouts: 0, Waiting: 1), left.Counts);
        Assert.Empty(ann.Overviews.Items);
        await starter.Connection.EndRound();
    }
}
