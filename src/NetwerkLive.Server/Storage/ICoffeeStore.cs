using NetwerkLive.Server.Coffees;

namespace NetwerkLive.Server.Storage;

/// <summary>A coffee whose reminder is due: its event and id.</summary>
public sealed record CoffeeDue(string EventId, string DateId);

/// <summary>The coffees of each event (one <see cref="CoffeeBook"/> per event) and the due index of their reminders.</summary>
public interface ICoffeeStore
{
    /// <summary>A copy of the event's coffees (an empty book when there are none).</summary>
    Task<CoffeeBook> GetAsync(string eventId, CancellationToken ct = default);

    /// <summary>
    /// Runs <paramref name="change"/> on a private copy and saves it atomically, with the reminders index. As
    /// <see cref="IBreakoutStore.UpdateAsync{T}"/>: it may run more than once and must not have side effects; when it
    /// throws, nothing is saved.
    /// </summary>
    Task<T> UpdateAsync<T>(string eventId, Func<CoffeeBook, T> change, CancellationToken ct = default);

    /// <summary>Coffees whose reminder (at roomOpensAt) is due at or before <paramref name="now"/>, at most <paramref name="limit"/>, earliest first.</summary>
    Task<IReadOnlyList<CoffeeDue>> GetDueRemindersAsync(long now, int limit, CancellationToken ct = default);

    /// <summary>When the earliest pending reminder of any event is due, or null when none is.</summary>
    Task<long?> NextReminderAtAsync(CancellationToken ct = default);
}
