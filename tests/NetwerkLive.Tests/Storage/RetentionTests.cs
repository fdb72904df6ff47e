using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Storage;
using NetwerkLive.Tests.Breakouts;
using NetwerkLive.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace NetwerkLive.Tests.Storage;

/// <summary>
/// The in-memory stores forget an event that has not changed for Storage:EventRetention (30 days by default),
/// on the fake clock; any change starts the time again.
/// </summary>
public sealed class RetentionTests
{
    private static readonly TimeSpan Retention = new StorageOptions().EventRetention;

    [Fact]
    public async Task AnEventUnchangedForTheRetentionTimeIsForgottenWithItsChatAndPeople()
    {
        await using var clocked = await ClockedEvent.CreateAsync();
        var registered = await clocked.RegisterAsync("Ann");
        var (ann, _) = await clocked.ConnectAsync(registered.AttendeeId, registered.Token);
        await ann.Connection.SendChat("Tot volgende maand!");
        await clocked.DropAsync(ann);

        clocked.Clock.Advance(Retention + TimeSpan.FromHours(1));

        var services = clocked.Factory.Services;
        var problem = await Assert.ThrowsAsync<NetwerkLiveApiException>(() => clocked.Live.GetAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, problem.Status);
        Assert.Null(await services.GetRequiredService<IEventStore>().GetAttendeeAsync(clocked.Live.Id, registered.AttendeeId));
        Assert.Empty(await services.GetRequiredService<IChatStore>().GetLatestAsync(clocked.Live.Id, 10));
        Assert.Equal(0, await services.GetRequiredService<IPresenceStore>().CountAsync(clocked.Live.Id));
    }

    [Fact]
    public async Task AnEventIsKeptWhileItChangesWithinTheRetentionTime()
    {
        await using var clocked = await ClockedEvent.CreateAsync();

        clocked.Clock.Advance(Retention - TimeSpan.FromDays(10));
        await clocked.Factory.Api.RegisterAsync(clocked.Live.Id, new RegisterAttendeeRequest("Bob"));
        clocked.Clock.Advance(Retention - TimeSpan.FromDays(10));

        Assert.Equal(clocked.Live.Id, (await clocked.Live.GetAsync()).EventId);

        clocked.Clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromHours(1));

        var problem = await Assert.ThrowsAsync<NetwerkLiveApiException>(() => clocked.Live.GetAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, problem.Status);
    }

    [Fact]
    public async Task ACoffeeAgreedFiftyDaysAheadKeepsTheEventUntilItsEndPlusTheRetention()
    {
        await using var scene = await Coffees.CoffeeScene.CreateAsync(onRedis: false);
        var agreed = await scene.AgreeAsync(minutesAhead: 50 * 24 * 60);
        var clock = scene.Ev.Clock;

        // Past the retention after the last change, but the coffee is still ahead: its room needs the event and its people.
        clock.Advance(Retention + TimeSpan.FromHours(1));
        Assert.Equal(scene.Ev.Live.Id, (await scene.Ev.Live.GetAsync()).EventId);
        Assert.NotNull(await scene.Ev.Factory.Services.GetRequiredService<IEventStore>().GetAttendeeAsync(scene.Ev.Live.Id, scene.Bob.AttendeeId));

        // The clock moves as days pass: the reminder is claimed (a change) when the room opens, not at the end of one jump.
        scene.Ev.AdvanceTo(agreed.RoomOpensAt!.Value);
        await scene.Ann.CoffeeReminders.WaitForAny();
        scene.Ev.AdvanceTo(agreed.EndsAt!.Value + (long)(Retention + TimeSpan.FromHours(1)).TotalMilliseconds);
        var problem = await Assert.ThrowsAsync<NetwerkLiveApiException>(() => scene.Ev.Live.GetAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, problem.Status);
    }

    [Fact]
    public async Task AnEventOneHourShortOfTheRetentionTimeIsKept()
    {
        await using var clocked = await ClockedEvent.CreateAsync();

        clocked.Clock.Advance(Retention - TimeSpan.FromHours(1));

        Assert.Equal(clocked.Live.Id, (await clocked.Live.GetAsync()).EventId);
    }
}
