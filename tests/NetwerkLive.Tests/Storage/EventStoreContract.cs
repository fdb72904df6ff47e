using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Tests.Storage;

/// <summary>
/// What every <see cref="IEventStore"/> must do. An implementation subclasses this and says how to make
/// a store; ids are fresh per test so a store shared between tests (one Redis) works too.
/// </summary>
public abstract class EventStoreContract
{
    protected abstract IEventStore CreateStore();

    private readonly string _eventId = Ids.NewEventId();

    private EventRecord NewEvent() =>
        new(_eventId, "Bedrijvenkring live", "https://www.youtube.com/embed/abc", "https://meet.jit.si/nl-{room}", Ids.NewAttendeeId(), 1_700_000_000_000);

    private AttendeeRecord NewAttendee(string? name = null) =>
        new(_eventId, Ids.NewAttendeeId(), name ?? "Ann de Vries", "Hoya", ["AI", "Zorg"], "ann@example.org",
            IsHost: false, Available: true, Removed: false, RegisteredAt: 1_700_000_001_000, PersonId: Ids.NewPersonId());

    // Records hold an array, which record equality compares by reference: compare it by content instead.
    private static void AssertSame(AttendeeRecord expected, AttendeeRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Interests, actual.Interests);
        Assert.Equal(expected with { Interests = [] }, actual with { Interests = [] });
    }

    [Fact]
    public async Task EventRoundTrips()
    {
        var store = CreateStore();
        var record = NewEvent();

        await store.CreateEventAsync(record);

        Assert.Equal(record, await store.GetEventAsync(_eventId));
    }

    [Fact]
    public async Task EventWithoutOptionalFieldsRoundTrips()
    {
        var store = CreateStore();
        var record = NewEvent() with { LivestreamUrl = null, MeetingUrlTemplate = null };

        await store.CreateEventAsync(record);

        Assert.Equal(record, await store.GetEventAsync(_eventId));
    }

    [Fact]
    public async Task AnEventsScheduleRoundTrips()
    {
        var store = CreateStore();
        var record = NewEvent() with
        {
            StartsAt = 1_700_086_400_000, Description = "Borrel;\nmet \"quotes\"", InterestTags = ["AI", "Zorg"], AllowOwnInterests = false,
        };

        await store.CreateEventAsync(record);

        var stored = await store.GetEventAsync(_eventId);
        Assert.Equal(record.InterestTags, stored?.InterestTags);
        Assert.Equal(record with { InterestTags = null }, stored! with { InterestTags = null });
    }

    [Fact]
    public async Task GoingLiveSetsLiveAtOnceAndKeepsTheFirstTime()
    {
        var store = CreateStore();
        await store.CreateEventAsync(NewEvent());

        var first = await store.SetLiveAsync(_eventId, 1_700_000_100_000);
        var second = await store.SetLiveAsync(_eventId, 1_700_000_200_000);

        Assert.Equal((true, false), (first, second));
        Assert.Equal(NewEvent().Title, (await store.GetEventAsync(_eventId))?.Title);
        Assert.Equal(1_700_000_100_000, (await store.GetEventAsync(_eventId))?.LiveAt);
    }

    [Fact]
    public async Task AnUnknownEventDoesNotGoLive()
    {
        Assert.False(await CreateStore().SetLiveAsync(Ids.NewEventId(), 1_700_000_100_000));
    }

    [Fact]
    public async Task OfManyGoingLiveAtOnceExactlyOneSetsIt()
    {
        var store = CreateStore();
        await store.CreateEventAsync(NewEvent());

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.SetLiveAsync(_eventId, 1_700_000_100_000 + i))));

        Assert.Single(results, r => r);
        Assert.Equal(1_700_000_100_000 + Array.IndexOf(results, true), (await store.GetEventAsync(_eventId))?.LiveAt);
    }

    [Fact]
    public async Task AttendeesAreCountedPerEvent()
    {
        var store = CreateStore();
        await store.CreateEventAsync(NewEvent());
        Assert.Equal(0, await store.CountAttendeesAsync(_eventId));

        await store.AddAttendeeAsync(NewAttendee("Ann"));
        await store.AddAttendeeAsync(NewAttendee("Bob"));

        Assert.Equal(2, await store.CountAttendeesAsync(_eventId));
        Assert.Equal(0, await store.CountAttendeesAsync(Ids.NewEventId()));
    }

    [Fact]
    public async Task UnknownEventIsNull()
    {
        Assert.Null(await CreateStore().GetEventAsync(Ids.NewEventId()));
    }

    [Fact]
    public async Task AttendeeRoundTrips()
    {
        var store = CreateStore();
        var attendee = NewAttendee();

        await store.AddAttendeeAsync(attendee);

        AssertSame(attendee, await store.GetAttendeeAsync(_eventId, attendee.AttendeeId));
    }

    [Fact]
    public async Task AttendeeWithoutOptionalFieldsRoundTrips()
    {
        var store = CreateStore();
        var host = NewAttendee("Host") with { Company = null, Interests = [], Contact = null, IsHost = true, Available = false };

        await store.AddAttendeeAsync(host);

        AssertSame(host, await store.GetAttendeeAsync(_eventId, host.AttendeeId));
    }

    [Fact]
    public async Task UnknownAttendeeIsNull()
    {
        Assert.Null(await CreateStore().GetAttendeeAsync(_eventId, Ids.NewAttendeeId()));
    }

    [Fact]
    public async Task AttendeeIsNotFoundUnderAnotherEvent()
    {
        var store = CreateStore();
        var attendee = NewAttendee();
        await store.AddAttendeeAsync(attendee);

        Assert.Null(await store.GetAttendeeAsync(Ids.NewEventId(), attendee.AttendeeId));
    }

    [Fact]
    public async Task GetAttendeesKeepsTheOrderAskedForAndSkipsUnknownIds()
    {
        var store = CreateStore();
        var ann = NewAttendee("Ann");
        var bob = NewAttendee("Bob");
        var cas = NewAttendee("Cas");
        foreach (var attendee in new[] { ann, bob, cas })
        {
            await store.AddAttendeeAsync(attendee);
        }

        var found = await store.GetAttendeesAsync(_eventId, [cas.AttendeeId, Ids.NewAttendeeId(), ann.AttendeeId]);

        Assert.Equal(["Cas", "Ann"], found.Select(a => a.DisplayName));
    }

    [Fact]
    public async Task GetAttendeesOfNoIdsIsEmpty()
    {
        Assert.Empty(await CreateStore().GetAttendeesAsync(_eventId, []));
    }

    [Fact]
    public async Task SetAvailableReturnsAndStoresTheUpdatedRecord()
    {
        var store = CreateStore();
        var attendee = NewAttendee();
        await store.AddAttendeeAsync(attendee);

        var updated = await store.SetAvailableAsync(_eventId, attendee.AttendeeId, available: false);

        AssertSame(attendee with { Available = false }, updated);
        AssertSame(attendee with { Available = false }, await store.GetAttendeeAsync(_eventId, attendee.AttendeeId));
    }

    [Fact]
    public async Task SetAvailableOfAnUnknownAttendeeIsNull()
    {
        Assert.Null(await CreateStore().SetAvailableAsync(_eventId, Ids.NewAttendeeId(), available: true));
    }

    [Fact]
    public async Task MarkRemovedStoresTheRemoval()
    {
        var store = CreateStore();
        var attendee = NewAttendee();
        await store.AddAttendeeAsync(attendee);

        Assert.True(await store.MarkRemovedAsync(_eventId, attendee.AttendeeId));

        AssertSame(attendee with { Removed = true }, await store.GetAttendeeAsync(_eventId, attendee.AttendeeId));
    }

    [Fact]
    public async Task MarkRemovedOfAnUnknownAttendeeIsFalse()
    {
        Assert.False(await CreateStore().MarkRemovedAsync(_eventId, Ids.NewAttendeeId()));
    }

    [Fact]
    public async Task NextTokenVersionCountsUpByOneEachTime()
    {
        var store = CreateStore();
        var attendee = NewAttendee();
        await store.AddAttendeeAsync(attendee);

        Assert.Equal(1, (await store.NextTokenVersionAsync(_eventId, attendee.AttendeeId))?.TokenVersion);
        Assert.Equal(2, (await store.NextTokenVersionAsync(_eventId, attendee.AttendeeId))?.TokenVersion);

        AssertSame(attendee with { TokenVersion = 2 }, await store.GetAttendeeAsync(_eventId, attendee.AttendeeId));
    }

    [Fact]
    public async Task NextTokenVersionOfAnUnknownAttendeeIsNullAndCreatesNothing()
    {
        var store = CreateStore();
        var id = Ids.NewAttendeeId();

        Assert.Null(await store.NextTokenVersionAsync(_eventId, id));
        Assert.Null(await store.GetAttendeeAsync(_eventId, id));
    }

    [Fact]
    public async Task MarkRemovedDoesNotCreateTheAttendee()
    {
        var store = CreateStore();
        var id = Ids.NewAttendeeId();

        await store.MarkRemovedAsync(_eventId, id);
        await store.SetAvailableAsync(_eventId, id, available: true);

        Assert.Null(await store.GetAttendeeAsync(_eventId, id));
    }

    [Fact]
    public async Task ARemovedAttendeesPersonIsRemovedFromThatEventOnly()
    {
        var store = CreateStore();
        var attendee = NewAttendee();
        await store.AddAttendeeAsync(attendee);

        await store.MarkRemovedAsync(_eventId, attendee.AttendeeId);

        Assert.True(await store.IsPersonRemovedAsync(_eventId, attendee.PersonId));
        Assert.False(await store.IsPersonRemovedAsync(Ids.NewEventId(), attendee.PersonId));
    }

    [Fact]
    public async Task RemovingOneAttendeeLeavesTheOtherPersonsAlone()
    {
        var store = CreateStore();
        var removed = NewAttendee("Bob");
        var kept = NewAttendee();
        await store.AddAttendeeAsync(removed);
        await store.AddAttendeeAsync(kept);

        await store.MarkRemovedAsync(_eventId, removed.AttendeeId);

        Assert.False(await store.IsPersonRemovedAsync(_eventId, kept.PersonId));
    }
}
