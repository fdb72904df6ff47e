using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using NetwerkLive.Server.Coffees;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Coffees.CoffeeScene;

namespace NetwerkLive.Tests.Coffees;

/// <summary>An agreed coffee on a fake clock: its reminder, its private room and what the report counts.</summary>
public class CoffeeRoomTests
{
    /// <summary>Whether each test's own server runs in Redis mode.</summary>
    protected virtual bool OnRedis => false;

    [Fact]
    public async Task TheReminderReachesBothOnceWhenTheRoomOpens()
    {
        await using var scene = await CreateAsync(OnRedis);
        var agreed = await scene.AgreeAsync();

        scene.Ev.AdvanceTo(agreed.RoomOpensAt!.Value);
        var annGets = await scene.Ann.CoffeeReminders.WaitForAny();
        var bobGets = await scene.Bob.CoffeeReminders.WaitForAny();
        // Time goes on past every sweep; then a push on the same channel to each: a second reminder would have come before it.
        scene.Ev.AdvanceTo(agreed.RoomOpensAt!.Value + Minute);
        scene.Ev.AdvanceTo(agreed.RoomOpensAt!.Value + (2 * Minute));
        await scene.Ann.Connection.EnterCoffeeRoom(scene.DateId);
        await scene.Ann.CoffeeDates.WaitFor(d => d.Entered.Length == 1);
        await scene.Bob.CoffeeDates.WaitFor(d => d.Entered.Length == 1);

        Assert.Equal((scene.Bob.AttendeeId, agreed.StartsAt), (annGets.With.Id, annGets.StartsAt));
        Assert.Equal(scene.Ann.AttendeeId, bobGets.With.Id);
        Assert.Single(scene.Ann.CoffeeReminders.Items);
        Assert.Single(scene.Bob.CoffeeReminders.Items);
    }

    [Fact]
    public async Task NoReminderComesAMillisecondBeforeTheRoomOpens()
    {
        await using var scene = await CreateAsync(OnRedis);
        var agreed = await scene.AgreeAsync();
        var reminders = scene.Ev.Factory.Services.GetRequiredService<CoffeeReminders>();

        scene.Ev.AdvanceTo(agreed.RoomOpensAt!.Value - 1);
        // The sweep itself, awaited, at that moment; then an answer on each connection, which comes after any push sent before it.
        await reminders.RunAsync();
        await scene.Ann.Connection.GetBoard();
        await scene.Bob.Connection.GetBoard();
        Assert.Empty(scene.Ann.CoffeeReminders.Items);
        Assert.Empty(scene.Bob.CoffeeReminders.Items);

        scene.Ev.AdvanceTo(agreed.RoomOpensAt!.Value);
        await scene.Ann.CoffeeReminders.WaitForAny();
        await scene.Bob.CoffeeReminders.WaitForAny();
    }

    [Fact]
    public async Task SomeoneNotConnectedWhenTheRoomOpensGetsNoReminderLater()
    {
        await using var scene = await CreateAsync(OnRedis);
        var agreed = await scene.AgreeAsync();
        await scene.Ev.DropAsync(scene.Bob);

        scene.Ev.AdvanceTo(agreed.RoomOpensAt!.Value);
        await scene.Ann.CoffeeReminders.WaitForAny();
        var bobAgain = (await scene.Ev.ConnectAsync(scene.Bob.AttendeeId, scene.Bob.Token)).Client;
        scene.Ev.AdvanceTo(agreed.RoomOpensAt!.Value + Minute);
        await scene.Ann.Connection.EnterCoffeeRoom(scene.DateId);
        await bobAgain.CoffeeDates.WaitFor(d => d.Entered.Length == 1);

        Assert.Empty(bobAgain.CoffeeReminders.Items);
    }

    [Fact]
    public async Task BothEnteringTheRoomGivesEachTheOtherAsPartnerAndTheirCallSignalsPass()
    {
        await using var scene = await CreateAsync(OnRedis);
        var agreed = await scene.AgreeAsync();
        scene.Ev.AdvanceTo(agreed.RoomOpensAt!.Value);

        var annAlone = await scene.Ann.Connection.EnterCoffeeRoom(scene.DateId);
        var bobIn = await scene.Bob.Connection.EnterCoffeeRoom(scene.DateId);

        var annTogether = await scene.Ann.BreakoutStarted.WaitFor(a => a.RoundId == scene.DateId && a.ConnectionLost.Length == 0);
        Assert.Equal((scene.DateId, agreed.EndsAt!.Value), (annAlone.RoundId, annAlone.EndsAt));
        Assert.Equal([scene.Bob.AttendeeId], annAlone.Partners.Select(p => p.Id));
        Assert.Equal([scene.Bob.AttendeeId], annAlone.ConnectionLost);
        Assert.Equal([scene.Ann.AttendeeId], bobIn.Partners.Select(p => p.Id));
        Assert.Equal(annAlone.GroupId, bobIn.GroupId);
        Assert.Equal([scene.Bob.AttendeeId], annTogether.Partners.Select(p => p.Id));
        await scene.Ann.Connection.SendCallSignal(annAlone.GroupId, scene.Bob.AttendeeId, "offer");
        Assert.Equal(scene.Ann.AttendeeId, (await scene.Bob.CallSignals.WaitFor(s => s.Payload == "offer")).FromAttendeeId);
    }

    [Fact]
    public async Task TheRoomStaysOpenForTheOneWhoStaysWhenTheOtherLeavesAndTheyMayComeBack()
    {
        await using var scene = await CreateAsync(OnRedis);
        var (_, room) = await scene.BothInTheRoomAsync();

        await scene.Bob.Connection.LeaveBreakout();
        await scene.Ann.PartnerLeft.WaitFor(p => p.GroupId == room.GroupId);
        var back = await scene.Bob.Connection.EnterCoffeeRoom(scene.DateId);

        // Ann hears "together" a second time: Bob's return (each item is matched once, in the order received).
        var together = 0;
        await scene.Ann.BreakoutStarted.WaitFor(a => a.GroupId == room.GroupId && a.ConnectionLost.Length == 0 && ++together == 2);
        Assert.Equal(room.GroupId, back.GroupId);
        Assert.DoesNotContain(scene.Ann.BreakoutEnded.Items, e => e.GroupId == room.GroupId);
    }

    [Fact]
    public async Task TheRoomEndsAtTheCoffeesEndAndItCountsAsHeldWhenBothEntered()
    {
        await using var scene = await CreateAsync(OnRedis);
        var (agreed, _) = await scene.BothInTheRoomAsync();

        scene.Ev.AdvanceTo(agreed.EndsAt!.Value);

        await scene.Ann.BreakoutEnded.WaitFor(e => e.RoundId == scene.DateId);
        await scene.Bob.BreakoutEnded.WaitFor(e => e.RoundId == scene.DateId);
        var seen = Assert.Single((await scene.RejoinAsync(scene.Ann)).CoffeeDates);
        Assert.Equal(CoffeeDateStates.Held, seen.State);
        Assert.Equal(2, seen.Entered.Length);
    }

    [Fact]
    public async Task WhenBothAskForMoreTimeTheCoffeeEndsLaterAndItsRoomStaysOpenForSomeoneComingBack()
    {
        await using var scene = await CreateAsync(OnRedis);
        var (agreed, room) = await scene.BothInTheRoomAsync();

        await scene.Ann.Connection.ProposeExtension();
        await scene.Bob.Connection.ProposeExtension();

        var later = agreed.EndsAt!.Value + (5 * Minute); // Breakouts:GroupExtension
        Assert.Equal(later, (await scene.Ann.BreakoutExtended.WaitForAny()).EndsAt);
        await scene.Ann.CoffeeDates.WaitFor(d => d.EndsAt == later);
        await scene.Bob.CoffeeDates.WaitFor(d => d.EndsAt == later);
        // Bob's phone drops out of the room; he comes back after the time first agreed.
        await scene.Bob.Connection.LeaveBreakout();
        scene.Ev.AdvanceTo(agreed.EndsAt!.Value + Minute);
        var back = await scene.Bob.Connection.EnterCoffeeRoom(scene.DateId);
        Assert.Equal((room.GroupId, later), (back.GroupId, back.EndsAt));
        Assert.Equal(later, Assert.Single((await scene.RejoinAsync(scene.Ann)).CoffeeDates).EndsAt);
        using var calendar = await scene.GetCalendarAsync(scene.Ann.Token, "?lang=en");
        Assert.Contains($"DTEND:{DateTimeOffset.FromUnixTimeMilliseconds(later).UtcDateTime:yyyyMMdd'T'HHmmss}Z",
            (await calendar.Content.ReadAsStringAsync()).Split("\r\n"));

        scene.Ev.AdvanceTo(later);
        await scene.Ann.BreakoutEnded.WaitFor(e => e.RoundId == scene.DateId);
        Assert.Equal(CoffeeDateStates.Held, Assert.Single((await scene.RejoinAsync(scene.Ann)).CoffeeDates).State);
    }

    [Fact]
    public async Task ACoffeeOnlyOneEnteredIsMissedAfterItsEnd()
    {
        await using var scene = await CreateAsync(OnRedis);
        var agreed = await scene.AgreeAsync();
        scene.Ev.AdvanceTo(agreed.RoomOpensAt!.Value);
        await scene.Ann.Connection.EnterCoffeeRoom(scene.DateId);

        scene.Ev.AdvanceTo(agreed.EndsAt!.Value);

        Assert.Equal(CoffeeDateStates.Missed, Assert.Single((await scene.RejoinAsync(scene.Bob)).CoffeeDates).State);
    }

    [Fact]
    public async Task TheRoomIsRefusedBeforeItOpensSayingWhenInEnglishAndDutchInThePersonsZoneOrInUtc()
    {
        await using var scene = await CreateAsync(OnRedis);
        var agreed = await scene.AgreeAsync();
        scene.Ev.AdvanceTo(agreed.RoomOpensAt!.Value - 1);
        var opens = DateTimeOffset.FromUnixTimeMilliseconds(agreed.RoomOpensAt!.Value);
        var inUtc = opens.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var inAmsterdam = TimeZoneInfo.ConvertTime(opens, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"))
            .ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        // Ann's .NET client names no zone: the time is in UTC and says so. Her Dutch tab is a browser in Amsterdam.
        var inEnglish = await Assert.ThrowsAsync<HubException>(() => scene.Ann.Connection.EnterCoffeeRoom(scene.DateId));
        var dutch = await scene.InDutchAsync(scene.Ann, tz: "Europe/Amsterdam");
        var inDutch = await Assert.ThrowsAsync<HubException>(() => dutch.Connection.EnterCoffeeRoom(scene.DateId));
        var unknownZone = await scene.InDutchAsync(scene.Ann, tz: "Mars/Olympus_Mons");
        var inDutchUtc = await Assert.ThrowsAsync<HubException>(() => unknownZone.Connection.EnterCoffeeRoom(scene.DateId));

        Assert.Equal(HubRefusals.Message(nameof(IEventHub.EnterCoffeeRoom), $"The coffee room is not open yet: it opens at {inUtc} UTC."), inEnglish.Message);
        Assert.Equal(HubRefusals.Message(nameof(IEventHub.EnterCoffeeRoom), $"De koffieruimte is nog niet open: hij gaat open om {inAmsterdam}."), inDutch.Message);
        Assert.Equal(HubRefusals.Message(nameof(IEventHub.EnterCoffeeRoom), $"De koffieruimte is nog niet open: hij gaat open om {inUtc} UTC."), inDutchUtc.Message);
    }

    [Fact]
    public async Task TheRoomIsRefusedAfterTheCoffeesEnd()
    {
        await using var scene = await CreateAsync(OnRedis);
        var agreed = await scene.AgreeAsync();
        scene.Ev.AdvanceTo(agreed.EndsAt!.Value);

        var refusal = await Assert.ThrowsAsync<HubException>(() => scene.Ann.Connection.EnterCoffeeRoom(scene.DateId));

        Assert.Equal(HubRefusals.Message(nameof(IEventHub.EnterCoffeeRoom), "This coffee is over: its room has closed."), refusal.Message);
    }

    [Fact]
    public async Task TheRoomOfACoffeeWithoutAnAgreedTimeIsRefused()
    {
        await using var scene = await CreateAsync(OnRedis);

        var refusal = await Assert.ThrowsAsync<HubException>(() => scene.Ann.Connection.EnterCoffeeRoom(scene.DateId));

        Assert.Equal(HubRefusals.Message(nameof(IEventHub.EnterCoffeeRoom), "No time is agreed for this coffee yet."), refusal.Message);
    }

    [Fact]
    public async Task TheRoomIsRefusedToSomeoneInABreakoutOfARound()
    {
        await using var scene = await CreateAsync(OnRedis);
        var agreed = await scene.AgreeAsync(minutesAhead: 5);
        await scene.Cas.Connection.SetAvailable(true);
        var round = await scene.Host.Connection.StartRound(600, 2);
        await scene.Ann.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        Assert.True(scene.Now >= agreed.RoomOpensAt);

        var refusal = await Assert.ThrowsAsync<HubException>(() => scene.Ann.Connection.EnterCoffeeRoom(scene.DateId));

        Assert.Equal(HubRefusals.Message(nameof(IEventHub.EnterCoffeeRoom), "You are in a breakout right now: leave it first, then go to the coffee room."),
            refusal.Message);
    }

    [Fact]
    public async Task TheHostsOverviewLeavesTheCoffeeRoomOut()
    {
        await using var scene = await CreateAsync(OnRedis);
        var agreed = await scene.AgreeAsync(minutesAhead: 5);
        var room = await scene.Ann.Connection.EnterCoffeeRoom(scene.DateId);

        var rejoined = await scene.Ev.Live.OpenTabAsync(scene.Host);

        Assert.True(scene.Now >= agreed.RoomOpensAt);
        Assert.DoesNotContain(rejoined.Join.HostOverview!.Groups, g => g.GroupId == room.GroupId);
    }

    [Fact]
    public async Task TheReportCountsCoffeesAgreedAndHeldInJsonAndCsv()
    {
        await using var scene = await CreateAsync(OnRedis);
        await scene.BothInTheRoomAsync();
        await scene.Ann.Connection.CancelCoffee(scene.DateId);

        var report = await scene.Ev.Factory.Api.GetReportAsync(scene.Ev.Live.Id, scene.Ev.Live.Created.HostToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/events/{scene.Ev.Live.Id}/report?format=csv", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", scene.Ev.Live.Created.HostToken);
        using var csv = await scene.Ev.Factory.CreateClient().SendAsync(request);
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n");

        Assert.Equal((1, 1), (report.CoffeesAgreed, report.CoffeesHeld));
        Assert.Contains("total,coffeesAgreed,1", rows);
        Assert.Contains("total,coffeesHeld,1", rows);
        Assert.Equal(1, report.Breakouts); // the round's group only: a coffee room is no breakout
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class CoffeeRoomOnRedisTests : CoffeeRoomTests
{
    protected override bool OnRedis => true;
}

