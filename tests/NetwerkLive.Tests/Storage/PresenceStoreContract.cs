using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Tests.Storage;

/// <summary>What every <see cref="IPresenceStore"/> must do. Fresh event ids per test keep a shared store apart.</summary>
public abstract class PresenceStoreContract
{
    protected abstract IPresenceStore CreateStore();

    private readonly string _eventId = Ids.NewEventId();
    private readonly string _ann = Ids.NewAttendeeId();
    private readonly string _bob = Ids.NewAttendeeId();

    [Fact]
    public async Task FirstConnectionMakesTheAttendeePresent()
    {
        var store = CreateStore();

        Assert.Equal(ConnectOutcome.Joined, await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000));

        Assert.Equal(1_000, await store.GetJoinedAtAsync(_eventId, _ann));
        Assert.Equal(1, await store.CountAsync(_eventId));
    }

    [Fact]
    public async Task SecondConnectionOfTheSameAttendeeDoesNotJoinThemAgain()
    {
        var store = CreateStore();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);

        Assert.Equal(ConnectOutcome.AnotherConnection, await store.ConnectAsync(_eventId, _ann, "c2", now: 2_000));

        Assert.Equal(1_000, await store.GetJoinedAtAsync(_eventId, _ann));
        Assert.Equal(1, await store.CountAsync(_eventId));
    }

    [Fact]
    public async Task AConnectionAfterTheLastOneClosedSaysTheAttendeeCameBack()
    {
        var store = CreateStore();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);
        await store.DisconnectAsync(_eventId, _ann, "c1", now: 2_000);

        Assert.Equal(ConnectOutcome.CameBack, await store.ConnectAsync(_eventId, _ann, "c2", now: 3_000));
        Assert.Equal(ConnectOutcome.AnotherConnection, await store.ConnectAsync(_eventId, _ann, "c3", now: 3_001));

        Assert.Equal(1_000, await store.GetJoinedAtAsync(_eventId, _ann));
    }

    [Fact]
    public async Task StatusSaysSinceWhenAndWhetherConnectedAndLeavesOutWhoIsAbsent()
    {
        var store = CreateStore();
        var cas = Ids.NewAttendeeId();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);
        await store.ConnectAsync(_eventId, _bob, "c2", now: 2_000);
        await store.DisconnectAsync(_eventId, _bob, "c2", now: 3_000);

        var status = await store.GetStatusAsync(_eventId, [_ann, _bob, cas]);

        Assert.Equal(new PresenceStatus(1_000, Connected: true), status[_ann]);
        Assert.Equal(new PresenceStatus(2_000, Connected: false), status[_bob]);
        Assert.False(status.ContainsKey(cas));
    }

    [Fact]
    public async Task DisconnectReturnsHowManyConnectionsRemain()
    {
        var store = CreateStore();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);
        await store.ConnectAsync(_eventId, _ann, "c2", now: 1_001);

        Assert.Equal(1, await store.DisconnectAsync(_eventId, _ann, "c1", now: 5_000));
        Assert.Equal(0, await store.DisconnectAsync(_eventId, _ann, "c2", now: 5_000));
    }

    [Fact]
    public async Task DisconnectOfTheLastConnectionLeavesTheAttendeePresent()
    {
        var store = CreateStore();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);

        await store.DisconnectAsync(_eventId, _ann, "c1", now: 5_000);

        Assert.Equal(1_000, await store.GetJoinedAtAsync(_eventId, _ann));
    }

    [Fact]
    public async Task DisconnectOfAnUnknownAttendeeReturnsZero()
    {
        Assert.Equal(0, await CreateStore().DisconnectAsync(_eventId, _ann, "c1", now: 5_000));
    }

    [Fact]
    public async Task LeaveIfIdleKeepsAnAttendeeWithAConnection()
    {
        var store = CreateStore();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);

        Assert.False(await store.LeaveIfIdleAsync(_eventId, _ann));

        Assert.NotNull(await store.GetJoinedAtAsync(_eventId, _ann));
    }

    [Fact]
    public async Task LeaveIfIdleRemovesAnAttendeeWithoutConnections()
    {
        var store = CreateStore();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);
        await store.DisconnectAsync(_eventId, _ann, "c1", now: 5_000);

        Assert.True(await store.LeaveIfIdleAsync(_eventId, _ann));

        Assert.Null(await store.GetJoinedAtAsync(_eventId, _ann));
        Assert.Equal(0, await store.CountAsync(_eventId));
        Assert.False(await store.LeaveIfIdleAsync(_eventId, _ann));
    }

    [Fact]
    public async Task LeaveIfIdleOfAnUnknownAttendeeIsFalse()
    {
        Assert.False(await CreateStore().LeaveIfIdleAsync(_eventId, _ann));
    }

    [Fact]
    public async Task EvictRemovesTheAttendeeWhateverTheirConnections()
    {
        var store = CreateStore();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);
        await store.ConnectAsync(_eventId, _ann, "c2", now: 1_001);

        Assert.True(await store.EvictAsync(_eventId, _ann));

        Assert.Null(await store.GetJoinedAtAsync(_eventId, _ann));
        Assert.Equal(0, await store.CountAsync(_eventId));
        Assert.False(await store.EvictAsync(_eventId, _ann));
    }

    [Fact]
    public async Task EvictOfAnUnknownAttendeeIsFalse()
    {
        Assert.False(await CreateStore().EvictAsync(_eventId, _ann));
    }

    [Fact]
    public async Task AttendeeWhoLeftIsPresentAgainFromTheirNextConnection()
    {
        var store = CreateStore();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);
        await store.EvictAsync(_eventId, _ann);

        Assert.Equal(ConnectOutcome.Joined, await store.ConnectAsync(_eventId, _ann, "c2", now: 5_000));

        Assert.Equal(5_000, await store.GetJoinedAtAsync(_eventId, _ann));
        Assert.Equal(0, await store.DisconnectAsync(_eventId, _ann, "c2", now: 5_000));
    }

    [Fact]
    public async Task GetListsTheFirstByJoinTimeWithTheTotalCount()
    {
        var store = CreateStore();
        var cas = Ids.NewAttendeeId();
        await store.ConnectAsync(_eventId, cas, "c3", now: 3_000);
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);
        await store.ConnectAsync(_eventId, _bob, "c2", now: 2_000);

        var snapshot = await store.GetAsync(_eventId, limit: 2);

        Assert.Equal([new PresentAttendee(_ann, 1_000), new PresentAttendee(_bob, 2_000)], snapshot.Attendees);
        Assert.Equal(3, snapshot.Count);
    }

    [Fact]
    public async Task GetLeavesOutWhoLeft()
    {
        var store = CreateStore();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);
        await store.ConnectAsync(_eventId, _bob, "c2", now: 2_000);
        await store.EvictAsync(_eventId, _ann);

        var snapshot = await store.GetAsync(_eventId, limit: 10);

        Assert.Equal([new PresentAttendee(_bob, 2_000)], snapshot.Attendees);
        Assert.Equal(1, snapshot.Count);
    }

    [Fact]
    public async Task GetOfAnEmptyEventIsEmpty()
    {
        var snapshot = await CreateStore().GetAsync(_eventId, limit: 10);

        Assert.Empty(snapshot.Attendees);
        Assert.Equal(0, snapshot.Count);
    }

    [Fact]
    public async Task GetJoinedAtOfSomeoneNotPresentIsNull()
    {
        var store = CreateStore();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);

        Assert.Null(await store.GetJoinedAtAsync(_eventId, _bob));
        Assert.Null(await store.GetJoinedAtAsync(Ids.NewEventId(), _ann));
    }

    [Fact]
    public async Task EventsAreKeptApart()
    {
        var store = CreateStore();
        var other = Ids.NewEventId();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);

        Assert.Equal(ConnectOutcome.Joined, await store.ConnectAsync(other, _ann, "c2", now: 2_000));

        Assert.Equal(1, await store.CountAsync(_eventId));
        Assert.Equal(1, await store.CountAsync(other));
        Assert.Equal(1_000, await store.GetJoinedAtAsync(_eventId, _ann));
    }

    private async Task<IReadOnlyList<IdleAttendee>> IdleOfThisEventAsync(IPresenceStore store, long idleSince) =>
        [.. (await store.GetIdleAsync(idleSince, int.MaxValue)).Where(i => i.EventId == _eventId)];

    [Fact]
    public async Task AnAttendeeWhoseLastConnectionClosedIsIdleFromThatMoment()
    {
        var store = CreateStore();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);
        await store.ConnectAsync(_eventId, _ann, "c2", now: 1_001);
        await store.ConnectAsync(_eventId, _bob, "c3", now: 1_002);
        await store.DisconnectAsync(_eventId, _ann, "c1", now: 2_000);
        await store.DisconnectAsync(_eventId, _ann, "c2", now: 3_000);

        Assert.Empty(await IdleOfThisEventAsync(store, idleSince: 2_999));
        var idle = Assert.Single(await IdleOfThisEventAsync(store, idleSince: 3_000));
        Assert.Equal(new IdleAttendee(_eventId, _ann, 3_000), idle);
    }

    [Fact]
    public async Task ComingBackEndsIdleness()
    {
        var store = CreateStore();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);
        await store.DisconnectAsync(_eventId, _ann, "c1", now: 2_000);

        await store.ConnectAsync(_eventId, _ann, "c2", now: 2_500);

        Assert.Empty(await IdleOfThisEventAsync(store, idleSince: 10_000));
    }

    [Fact]
    public async Task AnAttendeeWhoLeftOrWasEvictedIsNotIdle()
    {
        var store = CreateStore();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);
        await store.ConnectAsync(_eventId, _bob, "c2", now: 1_000);
        await store.DisconnectAsync(_eventId, _ann, "c1", now: 2_000);
        await store.DisconnectAsync(_eventId, _bob, "c2", now: 2_000);

        await store.LeaveIfIdleAsync(_eventId, _ann);
        await store.EvictAsync(_eventId, _bob);

        Assert.Empty(await IdleOfThisEventAsync(store, idleSince: 10_000));
    }

    [Fact]
    public async Task IdleAttendeesComeOldestFirstUpToTheLimit()
    {
        var store = CreateStore();
        var cas = Ids.NewAttendeeId();
        foreach (var (id, at) in new[] { (_ann, 3_000L), (_bob, 1_000L), (cas, 2_000L) })
        {
            await store.ConnectAsync(_eventId, id, "c-" + id, now: 500);
            await store.DisconnectAsync(_eventId, id, "c-" + id, now: at);
        }

        var idle = await IdleOfThisEventAsync(store, idleSince: 10_000);

        Assert.Equal([_bob, cas, _ann], idle.Select(i => i.AttendeeId));
    }

    [Fact]
    public async Task JoinTimesOfSeveralAttendeesComeInOneReadLeavingOutWhoIsNotPresent()
    {
        var store = CreateStore();
        var cas = Ids.NewAttendeeId();
        await store.ConnectAsync(_eventId, _ann, "c1", now: 1_000);
        await store.ConnectAsync(_eventId, _bob, "c2", now: 2_000);

        var joined = await store.GetJoinedAtAsync(_eventId, [_ann, _bob, cas]);

        Assert.Equal(2, joined.Count);
        Assert.Equal(1_000, joined[_ann]);
        Assert.Equal(2_000, joined[_bob]);
        Assert.Empty(await store.GetJoinedAtAsync(_eventId, []));
        Assert.Empty(await store.GetJoinedAtAsync(Ids.NewEventId(), [_ann]));
    }
}
