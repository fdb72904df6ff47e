using NetwerkLive.Server.Coffees;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Tests.Storage;

/// <summary>
/// What every <see cref="ICoffeeStore"/> must do. Event and attendee ids are fresh per test; the reminders' due index
/// is shared by every event in a store, so the checks look only at this test's event.
/// </summary>
public abstract class CoffeeStoreContract
{
    protected abstract ICoffeeStore CreateStore();

    private readonly string _eventId = Ids.NewEventId();

    private static CoffeeRecord Coffee(string dateId, long? roomOpensAt = null) => new()
    {
        DateId = dateId,
        A = Ids.NewAttendeeId(),
        B = Ids.NewAttendeeId(),
        StartsAt = roomOpensAt + 600_000,
        EndsAt = roomOpensAt + 2_400_000,
        RoomOpensAt = roomOpensAt,
    };

    private static Task<bool> AddAsync(ICoffeeStore store, string eventId, CoffeeRecord coffee) =>
        store.UpdateAsync(eventId, book => book.Dates.TryAdd(coffee.DateId, coffee));

    [Fact]
    public async Task AnEventWithoutCoffeesHasAnEmptyBook()
    {
        var book = await CreateStore().GetAsync(_eventId);

        Assert.Empty(book.Dates);
    }

    [Fact]
    public async Task ASavedChangeIsReadBack()
    {
        var store = CreateStore();
        await AddAsync(store, _eventId, Coffee("date-1"));

        await store.UpdateAsync(_eventId, book =>
        {
            book.Dates["date-1"].TimesA.Add(1_900_000_000_000);
            return true;
        });

        Assert.Equal([1_900_000_000_000], (await store.GetAsync(_eventId)).Dates["date-1"].TimesA);
    }

    [Fact]
    public async Task AChangeThatThrowsSavesNothing()
    {
        var store = CreateStore();
        await AddAsync(store, _eventId, Coffee("date-1"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpdateAsync<bool>(_eventId, book =>
        {
            book.Dates["date-1"].CancelledBy = "someone";
            throw new InvalidOperationException("refused");
        }));

        Assert.False((await store.GetAsync(_eventId)).Dates["date-1"].Cancelled);
    }

    [Fact]
    public async Task ConcurrentChangesAreAllKept()
    {
        var store = CreateStore();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => AddAsync(store, _eventId, Coffee("date-" + i))));

        Assert.Equal(10, (await store.GetAsync(_eventId)).Dates.Count);
    }

    [Fact]
    public async Task AReminderIsDueFromItsRoomOpeningAndNoLongerOnceSent()
    {
        var store = CreateStore();
        const long opens = 1_900_000_000_000;
        await AddAsync(store, _eventId, Coffee("date-1", opens));

        var before = await store.GetDueRemindersAsync(opens - 1, 1000);
        var at = await store.GetDueRemindersAsync(opens, 1000);
        var next = await store.NextReminderAtAsync();
        await store.UpdateAsync(_eventId, book => book.Dates["date-1"].Reminded = true);
        var after = await store.GetDueRemindersAsync(opens, 1000);

        Assert.DoesNotContain(new CoffeeDue(_eventId, "date-1"), before);
        Assert.Contains(new CoffeeDue(_eventId, "date-1"), at);
        Assert.True(next <= opens);
        Assert.DoesNotContain(new CoffeeDue(_eventId, "date-1"), after);
    }

    [Fact]
    public async Task ACancelledCoffeeHasNoReminderDue()
    {
        var store = CreateStore();
        const long opens = 1_900_000_000_000;
        await AddAsync(store, _eventId, Coffee("date-1", opens));

        await store.UpdateAsync(_eventId, book => book.Dates["date-1"].CancelledBy = "someone");

        Assert.DoesNotContain(new CoffeeDue(_eventId, "date-1"), await store.GetDueRemindersAsync(opens, 1000));
    }
}

public sealed class InMemoryCoffeeStoreTests : CoffeeStoreContract
{
    protected override ICoffeeStore CreateStore() => new InMemoryCoffeeStore(new EventActivity(TimeProvider.System));
}
