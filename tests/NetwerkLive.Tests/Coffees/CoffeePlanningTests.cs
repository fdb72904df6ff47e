using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Coffees.CoffeeScene;

namespace NetwerkLive.Tests.Coffees;

/// <summary>Planning the coffee of a mutual follow-up with real clients: made, proposed, accepted, cancelled, and read from the clock.</summary>
public class CoffeePlanningTests
{
    /// <summary>Whether each test's own server runs in Redis mode.</summary>
    protected virtual bool OnRedis => false;

    [Fact]
    public async Task AMutualFollowUpGivesBothAnOpenCoffeeWithEachOtherThatJoinGivesBack()
    {
        await using var scene = await CreateAsync(OnRedis);

        Assert.Equal((CoffeeDateStates.Open, scene.Bob.AttendeeId), (scene.AnnSees.State, scene.AnnSees.With.Id));
        Assert.Equal((CoffeeDateStates.Open, scene.Ann.AttendeeId, scene.DateId), (scene.BobSees.State, scene.BobSees.With.Id, scene.BobSees.DateId));
        var rejoined = Assert.Single((await scene.RejoinAsync(scene.Bob)).CoffeeDates);
        Assert.Equal((scene.DateId, CoffeeDateStates.Open, "Ann"), (rejoined.DateId, rejoined.State, rejoined.With.DisplayName));
        Assert.Empty((await scene.RejoinAsync(scene.Cas)).CoffeeDates);
    }

    [Fact]
    public async Task ProposedTimesReachTheOtherAsTheirTimes()
    {
        await using var scene = await CreateAsync(OnRedis);
        long[] times = [scene.Now + (120 * Minute), scene.Now + (60 * Minute)];

        var mine = await scene.Ann.Connection.ProposeCoffeeTimes(scene.DateId, times);

        var bobGets = await scene.Bob.CoffeeDates.WaitFor(d => d.TheirTimes.Length > 0);
        Assert.Equal([times[1], times[0]], mine.MyTimes);
        Assert.Equal(mine.MyTimes, bobGets.TheirTimes);
        Assert.Empty(bobGets.MyTimes);
        Assert.Equal(mine, await scene.Ann.CoffeeDates.WaitFor(d => d.MyTimes.Length > 0), CoffeeDateComparer.Instance);
    }

    [Fact]
    public async Task AcceptingOneOfTheirTimesAgreesItForBothWithTheRoomOpeningTenMinutesBefore()
    {
        await using var scene = await CreateAsync(OnRedis);
        var at = scene.Now + (60 * Minute);
        await scene.Ann.Connection.ProposeCoffeeTimes(scene.DateId, [at, at + (30 * Minute)]);

        var agreed = await scene.Bob.Connection.AcceptCoffeeTime(scene.DateId, at);

        var annGets = await scene.Ann.CoffeeDates.WaitFor(d => d.State == CoffeeDateStates.Agreed);
        Assert.Equal((CoffeeDateStates.Agreed, at, at + (30 * Minute), at - (10 * Minute)), (agreed.State, agreed.StartsAt, agreed.EndsAt, agreed.RoomOpensAt));
        Assert.Equal((at, at + (30 * Minute), at - (10 * Minute)), (annGets.StartsAt, annGets.EndsAt, annGets.RoomOpensAt));
    }

    [Fact]
    public async Task CancellingTellsBothAndSaysWhoCancelled()
    {
        await using var scene = await CreateAsync(OnRedis);
        await scene.AgreeAsync();

        await scene.Bob.Connection.CancelCoffee(scene.DateId);

        var annGets = await scene.Ann.CoffeeDates.WaitFor(d => d.State == CoffeeDateStates.Cancelled);
        var bobGets = await scene.Bob.CoffeeDates.WaitFor(d => d.State == CoffeeDateStates.Cancelled);
        Assert.Equal((false, true), (annGets.CancelledByMe, bobGets.CancelledByMe));
        Assert.Null(annGets.StartsAt);
    }

    [Fact]
    public async Task ProposingAfterACancelOpensTheCoffeeAgain()
    {
        await using var scene = await CreateAsync(OnRedis);
        await scene.AgreeAsync();
        await scene.Ann.Connection.CancelCoffee(scene.DateId);

        var reopened = await scene.Bob.Connection.ProposeCoffeeTimes(scene.DateId, [scene.Now + (90 * Minute)]);

        Assert.Equal((CoffeeDateStates.Open, null), (reopened.State, reopened.CancelledByMe));
        Assert.Empty(reopened.TheirTimes);
    }

    [Fact]
    public async Task AnOpenCoffeeExpiresOnceEveryProposedTimeHasPassed()
    {
        await using var scene = await CreateAsync(OnRedis);
        var at = scene.Now + (60 * Minute);
        await scene.Ann.Connection.ProposeCoffeeTimes(scene.DateId, [at]);

        scene.Ev.AdvanceTo(at - 1);
        var before = Assert.Single((await scene.RejoinAsync(scene.Bob)).CoffeeDates);
        scene.Ev.AdvanceTo(at);
        var after = Assert.Single((await scene.RejoinAsync(scene.Bob)).CoffeeDates);

        Assert.Equal((CoffeeDateStates.Open, CoffeeDateStates.Expired), (before.State, after.State));
    }

    [Fact]
    public async Task AnExpiredCoffeeOpensAgainWithNewTimes()
    {
        await using var scene = await CreateAsync(OnRedis);
        var at = scene.Now + (60 * Minute);
        await scene.Ann.Connection.ProposeCoffeeTimes(scene.DateId, [at]);
        scene.Ev.AdvanceTo(at);

        var reopened = await scene.Ann.Connection.ProposeCoffeeTimes(scene.DateId, [scene.Now + (60 * Minute)]);

        Assert.Equal(CoffeeDateStates.Open, reopened.State);
    }

    [Theory]
    [InlineData("tooMany", nameof(IEventHub.ProposeCoffeeTimes), "Propose 1 to 3 times; you sent 4.", "Stel 1 tot 3 tijden voor; je stuurde er 4.")]
    [InlineData("none", nameof(IEventHub.ProposeCoffeeTimes), "Propose 1 to 3 times; you sent 0.", "Stel 1 tot 3 tijden voor; je stuurde er 0.")]
    [InlineData("past", nameof(IEventHub.ProposeCoffeeTimes), "One of these times has already passed: propose times in the future.",
        "Een van deze tijden is al voorbij: stel tijden in de toekomst voor.")]
    [InlineData("tooFar", nameof(IEventHub.ProposeCoffeeTimes), "Propose times at most 60 days ahead.", "Stel tijden voor die hooguit 60 dagen vooruit liggen.")]
    [InlineData("duplicate", nameof(IEventHub.ProposeCoffeeTimes), "The same time is in your list twice: propose different times.",
        "Dezelfde tijd staat twee keer in je lijst: stel verschillende tijden voor.")]
    [InlineData("agreed", nameof(IEventHub.ProposeCoffeeTimes), "A time is already agreed for this coffee: cancel it first to plan another one.",
        "Voor deze koffie is al een tijd afgesproken: annuleer die eerst als je een andere wilt plannen.")]
    [InlineData("notTheirs", nameof(IEventHub.AcceptCoffeeTime), "That is not one of the times Bob proposed.", "Dat is niet een van de tijden die Bob voorstelde.")]
    [InlineData("own", nameof(IEventHub.AcceptCoffeeTime), "You proposed that time yourself: Bob can accept it.", "Die tijd heb je zelf voorgesteld: Bob kan hem accepteren.")]
    [InlineData("notAParty", nameof(IEventHub.ProposeCoffeeTimes), "You have no coffee with that id.", "Je hebt geen koffie met dit id.")]
    [InlineData("unknown", nameof(IEventHub.AcceptCoffeeTime), "You have no coffee with that id.", "Je hebt geen koffie met dit id.")]
    public async Task EachRefusalSaysWhyInEnglishAndDutch(string refusal, string method, string english, string dutch)
    {
        await using var scene = await CreateAsync(OnRedis);
        var soon = scene.Now + (60 * Minute);
        var caller = refusal == "notAParty" ? scene.Cas : scene.Ann;
        var dateId = refusal == "unknown" ? "date-nonesuch" : scene.DateId;
        if (refusal == "agreed")
        {
            await scene.AgreeAsync();
        }
        if (refusal is "notTheirs" or "own")
        {
            await scene.Ann.Connection.ProposeCoffeeTimes(scene.DateId, [soon]);
            await scene.Bob.Connection.ProposeCoffeeTimes(scene.DateId, [soon + Minute]);
        }
        Func<TestClient, Task> call = refusal switch
        {
            "tooMany" => c => c.Connection.ProposeCoffeeTimes(dateId, [soon, soon + 1, soon + 2, soon + 3]),
            "none" => c => c.Connection.ProposeCoffeeTimes(dateId, []),
            "past" => c => c.Connection.ProposeCoffeeTimes(dateId, [soon, scene.Now - 1]),
            "tooFar" => c => c.Connection.ProposeCoffeeTimes(dateId, [scene.Now + (61L * 24 * 60 * Minute)]),
            "duplicate" => c => c.Connection.ProposeCoffeeTimes(dateId, [soon, soon]),
            "agreed" => c => c.Connection.ProposeCoffeeTimes(dateId, [soon + Minute]),
            "notTheirs" => c => c.Connection.AcceptCoffeeTime(dateId, soon + (2 * Minute)),
            "own" => c => c.Connection.AcceptCoffeeTime(dateId, soon),
            "notAParty" => c => c.Connection.ProposeCoffeeTimes(dateId, [soon]),
            _ => c => c.Connection.AcceptCoffeeTime(dateId, soon),
        };

        var inEnglish = await Assert.ThrowsAsync<HubException>(() => call(caller));
        var inDutch = await Assert.ThrowsAsync<HubException>(async () => await call(await scene.InDutchAsync(caller)));

        Assert.Equal(HubRefusals.Message(method, english), inEnglish.Message);
        Assert.Equal(HubRefusals.Message(method, dutch), inDutch.Message);
    }

    [Fact]
    public async Task AcceptingATimeThatHasPassedIsRefused()
    {
        await using var scene = await CreateAsync(OnRedis);
        var at = scene.Now + (60 * Minute);
        await scene.Ann.Connection.ProposeCoffeeTimes(scene.DateId, [at, at + (60 * Minute)]);
        scene.Ev.AdvanceTo(at);

        var refusal = await Assert.ThrowsAsync<HubException>(() => scene.Bob.Connection.AcceptCoffeeTime(scene.DateId, at));

        Assert.Equal(HubRefusals.Message(nameof(IEventHub.AcceptCoffeeTime), "That time has already passed: propose a new one."), refusal.Message);
    }

    [Fact]
    public async Task ABlockCancelsTheCoffeeForTheBlockedOneAndRemovesItForBoth()
    {
        await using var scene = await CreateAsync(OnRedis);
        await scene.AgreeAsync();

        await scene.Bob.Connection.BlockAttendee(scene.Ann.AttendeeId);

        var annGets = await scene.Ann.CoffeeDates.WaitFor(d => d.State == CoffeeDateStates.Cancelled);
        Assert.Equal(false, annGets.CancelledByMe);
        Assert.Empty((await scene.RejoinAsync(scene.Bob)).CoffeeDates);
        Assert.Empty((await scene.RejoinAsync(scene.Ann)).CoffeeDates);
        Assert.DoesNotContain(scene.Bob.CoffeeDates.Items, d => d.State == CoffeeDateStates.Cancelled);
    }

    [Fact]
    public async Task ACoffeeWithSomeoneWhoBlockedYouCannotBePlannedAgain()
    {
        await using var scene = await CreateAsync(OnRedis);
        await scene.Bob.Connection.BlockAttendee(scene.Ann.AttendeeId);

        var refusal = await Assert.ThrowsAsync<HubException>(() => scene.Ann.Connection.ProposeCoffeeTimes(scene.DateId, [scene.Now + (60 * Minute)]));

        Assert.Equal(HubRefusals.Message(nameof(IEventHub.ProposeCoffeeTimes), "You have no coffee with that id."), refusal.Message);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class CoffeePlanningOnRedisTests : CoffeePlanningTests
{
    protected override bool OnRedis => true;
}

/// <summary>Coffees compared by what they say (records holding arrays compare arrays by reference).</summary>
internal sealed class CoffeeDateComparer : IEqualityComparer<CoffeeDate>
{
    public static readonly CoffeeDateComparer Instance = new();

    public bool Equals(CoffeeDate? x, CoffeeDate? y) =>
        x is not null && y is not null && x.DateId == y.DateId && x.State == y.State && x.MyTimes.SequenceEqual(y.MyTimes) &&
        x.TheirTimes.SequenceEqual(y.TheirTimes) && x.StartsAt == y.StartsAt && x.CancelledByMe == y.CancelledByMe && x.Entered.SequenceEqual(y.Entered);

    public int GetHashCode(CoffeeDate obj) => obj.DateId.GetHashCode(StringComparison.Ordinal);
}
