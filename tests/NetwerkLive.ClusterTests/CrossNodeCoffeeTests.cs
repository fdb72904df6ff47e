using NetwerkLive.ClusterTests.Infrastructure;
using NetwerkLive.Contracts;

namespace NetwerkLive.ClusterTests;

/// <summary>
/// Planning a coffee across nodes: Ann connected to one node, Bob to the other. Every change is one compare-and-set
/// on the event's coffees in Redis and its pushes go to attendees through the backplane, so both hear of each step
/// wherever it was made, and the coffee room (a breakout group in the shared state) puts them together.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class CrossNodeCoffeeTests(TwoNodeCluster nodes)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task TimesProposedOnOneNodeAndAcceptedOnTheOtherReachBothAndTheRoomPutsThemTogether()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (host, _) = await live.JoinAsHostAsync(nodes.A);
        var (ann, _) = await live.JoinAsync(nodes.A, "Ann");
        var (bob, _) = await live.JoinAsync(nodes.B, "Bob");
        var round = await host.Connection.StartRound(60, 2);
        await ann.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        await Rounds.EndAndSettleAsync(host, [ann, bob], round.RoundId);
        await ann.Connection.RequestFollowUp(bob.AttendeeId);
        await bob.Connection.RequestFollowUp(ann.AttendeeId);
        var dateId = (await ann.CoffeeDates.WaitForAny()).DateId;
        await bob.CoffeeDates.WaitForAny();
        // Five minutes ahead: the room (open ten minutes before) is open at once on the real clock.
        var at = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds();

        await ann.Connection.ProposeCoffeeTimes(dateId, [at]);
        var bobSeesTimes = await bob.CoffeeDates.WaitFor(d => d.TheirTimes.Contains(at), Second);
        await ann.CoffeeDates.WaitFor(d => d.MyTimes.Contains(at), Second);
        await bob.Connection.AcceptCoffeeTime(dateId, at);
        var annSeesAgreed = await ann.CoffeeDates.WaitFor(d => d.State == CoffeeDateStates.Agreed, Second);
        await bob.CoffeeDates.WaitFor(d => d.State == CoffeeDateStates.Agreed, Second);
        var annRoom = await ann.Connection.EnterCoffeeRoom(dateId);
        var bobRoom = await bob.Connection.EnterCoffeeRoom(dateId);

        var annTogether = await ann.BreakoutStarted.WaitFor(a => a.RoundId == dateId && a.ConnectionLost.Length == 0);
        Assert.Equal(dateId, bobSeesTimes.DateId);
        Assert.Equal(at, annSeesAgreed.StartsAt);
        Assert.Equal(annRoom.GroupId, bobRoom.GroupId);
        Assert.Equal([bob.AttendeeId], annTogether.Partners.Select(p => p.Id));
        Assert.Equal([ann.AttendeeId], bobRoom.Partners.Select(p => p.Id));
    }
}
