using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// The on-demand coffee queue with real clients. The shared server's fake clock never moves, so "now" is
/// exact; tests that let time pass (or configure the server) start a server of their own, because tokens
/// issued on a clock moved ahead would not be valid yet on the real one.
/// </summary>
public class CoffeeQueueTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private static readonly TimeSpan DefaultCoffee = TimeSpan.FromMinutes(10);

    private static bool IsCoffee(BreakoutAssignment assignment) => assignment.RoundId.StartsWith("coffee-", StringComparison.Ordinal);

    private static long Now(FakeClockFactory server) => server.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Ann waits in the queue, Bob comes: they are matched.</summary>
    private static async Task<(TestClient Ann, TestClient Bob, BreakoutAssignment AnnSees, BreakoutAssignment BobSees)> MatchAnnAndBobAsync(LiveEvent live)
    {
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");
        var (bob, _) = await live.JoinAsync("Bob", "Bakkerij Bos");
        await ann.Connection.FindCoffeePartner();
        await bob.Connection.FindCoffeePartner();
        return (ann, bob, await ann.BreakoutStarted.WaitFor(IsCoffee), await bob.BreakoutStarted.WaitFor(IsCoffee));
    }

    [Fact]
    public async Task SomeoneAloneInTheQueueWaits()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann");

        var status = await ann.Connection.FindCoffeePartner();

        Assert.Equal(new CoffeeQueueStatus(Matched: false, Waiting: 1), status);
    }

    [Fact]
    public async Task TheSecondPersonInTheQueueIsMatchedAtOnceWithoutAnyHost()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        await ann.Connection.FindCoffeePartner();

        var status = await bob.Connection.FindCoffeePartner();

        Assert.Equal(new CoffeeQueueStatus(Matched: true, Waiting: 0), status);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task BothPeopleMatchedHearWhoTheyMeetInAFreshCoffeeGroup(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);

        var (ann, bob, annSees, bobSees) = await MatchAnnAndBobAsync(live);

        Assert.Equal(bob.AttendeeId, Assert.Single(annSees.Partners).Id);
        Assert.Equal(ann.AttendeeId, Assert.Single(bobSees.Partners).Id);
        Assert.Equal(annSees.GroupId, bobSees.GroupId);
        Assert.Equal(annSees.RoundId, bobSees.RoundId);
        Assert.StartsWith("coffee-", annSees.RoundId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoffeeChatLastsTenMinutesByDefault()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);

        var (_, _, annSees, bobSees) = await MatchAnnAndBobAsync(live);

        var expected = Now(factory) + (long)DefaultCoffee.TotalMilliseconds;
        Assert.Equal(expected, annSees.EndsAt);
        Assert.Equal(expected, bobSees.EndsAt);
    }

    [Fact]
    public async Task TheLengthOfACoffeeChatIsConfigurable()
    {
        await using var server = factory.Another();
        server.With("Breakouts:CoffeeDuration", "00:03:00");
        await using var live = await LiveEvent.CreateAsync(server, HubProtocol.MessagePack);

        var (_, _, annSees, _) = await MatchAnnAndBobAsync(live);

        Assert.Equal(Now(server) + (long)TimeSpan.FromMinutes(3).TotalMilliseconds, annSees.EndsAt);
    }

    [Fact]
    public async Task TheQueuePrefersSomeoneNotMetBeforeOverSomeoneWaitingLonger()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");
        var (bob, _) = await live.JoinAsync("Bob", "Bakkerij Bos");
        var (cas, _) = await live.JoinAsync("Cas", "Coöperatie Zuid");
        // Ann and Cas meet in a host round while Bob is away.
        await bob.Connection.SetAvailable(false);
        var round = await host.Connection.StartRound(60, 2);
        await cas.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        await host.Connection.EndRound();
        await bob.Connection.SetAvailable(true);
        // Ann and Bob both wait: Ann blocked Bob, so the queue holds a choice for Cas.
        await ann.Connection.BlockAttendee(bob.AttendeeId);
        await ann.Connection.FindCoffeePartner();
        Assert.Equal(2, (await bob.Connection.FindCoffeePartner()).Waiting);

        await cas.Connection.FindCoffeePartner();

        var coffee = await cas.BreakoutStarted.WaitFor(IsCoffee);
        Assert.Equal(bob.AttendeeId, Assert.Single(coffee.Partners).Id);
    }

    [Fact]
    public async Task AmongPeopleNotMetBeforeTheQueueMatchesWhoeverWaitedLongest()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");
        var (bob, _) = await live.JoinAsync("Bob", "Bakkerij Bos");
        var (cas, _) = await live.JoinAsync("Cas", "Coöperatie Zuid");
        await ann.Connection.BlockAttendee(bob.AttendeeId);
        await ann.Connection.FindCoffeePartner();
        await bob.Connection.FindCoffeePartner();

        await cas.Connection.FindCoffeePartner();

        var coffee = await cas.BreakoutStarted.WaitFor(IsCoffee);
        Assert.Equal(ann.AttendeeId, Assert.Single(coffee.Partners).Id);
    }

    [Fact]
    public async Task PeopleAskingAtTheSameMomentAreAllMatched()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var people = new List<TestClient>();
        for (var i = 0; i < 20; i++)
        {
            people.Add((await live.JoinAsync($"Deelnemer {i}", $"Bedrijf {i}")).Client);
        }

        var answers = await Task.WhenAll(people.Select(p => Task.Run(() => p.Connection.FindCoffeePartner())));

        Assert.Equal(10, answers.Count(a => a.Matched));
        await Task.WhenAll(people.Select(p => p.BreakoutStarted.WaitFor(IsCoffee)));
    }

    [Fact]
    public async Task LeavingTheQueueTakesOnlyThatPersonOut()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        var (cas, _) = await live.JoinAsync("Cas");
        await ann.Connection.BlockAttendee(bob.AttendeeId);
        await ann.Connection.FindCoffeePartner();
        await bob.Connection.FindCoffeePartner();

        await ann.Connection.LeaveCoffeeQueue();

        await cas.Connection.FindCoffeePartner();
        var coffee = await cas.BreakoutStarted.WaitFor(IsCoffee);
        Assert.Equal(bob.AttendeeId, Assert.Single(coffee.Partners).Id);
    }

    [Fact]
    public async Task SomeoneWhoLeftTheQueueIsNotMatched()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        await ann.Connection.FindCoffeePartner();

        await ann.Connection.LeaveCoffeeQueue();

        Assert.Equal(new CoffeeQueueStatus(Matched: false, Waiting: 1), await bob.Connection.FindCoffeePartner());
    }

    [Fact]
    public async Task SomeoneWhoClosesThemselvesForNetworkingLeavesTheQueue()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        await ann.Connection.FindCoffeePartner();

        await ann.Connection.SetAvailable(false);

        Assert.Equal(new CoffeeQueueStatus(Matched: false, Waiting: 1), await bob.Connection.FindCoffeePartner());
    }

    [Fact]
    public async Task SomeoneNotOpenForNetworkingIsRefusedClearly()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann");
        await ann.Connection.SetAvailable(false);

        var error = await Assert.ThrowsAsync<HubException>(() => ann.Connection.FindCoffeePartner());

        Assert.Contains("Set yourself open for networking first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneAlreadyInABreakoutIsRefusedClearly()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        await live.JoinAsync("Bob");
        var round = await host.Connection.StartRound(60, 2);
        await ann.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);

        var error = await Assert.ThrowsAsync<HubException>(() => ann.Connection.FindCoffeePartner());

        Assert.Contains("You are already in a breakout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoffeeChatIsWarnedAMinuteBeforeItsEndAndThenEndedByTheTimer()
    {
        await using var server = factory.Another();
        await using var live = await LiveEvent.CreateAsync(server, HubProtocol.MessagePack);
        var (ann, bob, annSees, _) = await MatchAnnAndBobAsync(live);

        server.Clock.Advance(DefaultCoffee - TimeSpan.FromMinutes(1));
        var warning = await ann.BreakoutEnding.WaitFor(n => n.GroupId == annSees.GroupId);
        server.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(annSees.EndsAt, warning.EndsAt);
        await ann.BreakoutEnded.WaitFor(n => n.GroupId == annSees.GroupId && n.RoundId == annSees.RoundId);
        await bob.BreakoutEnded.WaitFor(n => n.GroupId == annSees.GroupId);
    }
}

/// <summary>The same tests with the server in Redis mode, still on the fake clock.</summary>
public sealed class CoffeeQueueOnRedisTests(RedisFakeClockFactory factory) : CoffeeQueueTests(factory), IClassFixture<RedisFakeClockFactory>;
