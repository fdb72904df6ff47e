using System.Collections.Concurrent;
using MessagePack;
using NetwerkLive.Server.Coffees;

namespace NetwerkLive.Server.Storage;

internal sealed class InMemoryCoffeeStore(EventActivity activity) : ICoffeeStore
{
    private readonly ConcurrentDictionary<string, Slot> _books = new(StringComparer.Ordinal);

    public Task<CoffeeBook> GetAsync(string eventId, CancellationToken ct = default)
    {
        var slot = _books.GetOrAdd(eventId, static _ => new Slot());
        lock (slot)
        {
            return Task.FromResult(Copy(slot.Book));
        }
    }

    public Task<T> UpdateAsync<T>(string eventId, Func<CoffeeBook, T> change, CancellationToken ct = default)
    {
        var slot = _books.GetOrAdd(eventId, static _ => new Slot());
        lock (slot)
        {
            var copy = Copy(slot.Book);
            var result = change(copy);
            copy.Version = slot.Book.Version + 1;
            slot.Book = copy;
            activity.Touch(eventId);
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<CoffeeDue>> GetDueRemindersAsync(long now, int limit, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CoffeeDue>>([.. Pending().Where(p => p.At <= now).OrderBy(p => p.At).Take(limit).Select(p => p.Due)]);

    public Task<long?> NextReminderAtAsync(CancellationToken ct = default)
    {
        var pending = Pending().ToList();
        return Task.FromResult<long?>(pending.Count == 0 ? null : pending.Min(p => p.At));
    }

    /// <summary>
    /// Forgets an idle event's coffees (the expiry sweep), unless one of them ends less than a retention ago: an agreed
    /// coffee keeps its event's coffees as long as Redis keeps the key (its end + the retention).
    /// </summary>
    public void Forget(string eventId, long cutoff)
    {
        if (_books.TryGetValue(eventId, out var slot))
        {
            lock (slot)
            {
                if (slot.Book.Dates.Values.Any(d => d.EndsAt > cutoff))
                {
                    return;
                }
            }
            _books.TryRemove(eventId, out _);
        }
    }

    private IEnumerable<(CoffeeDue Due, long At)> Pending()
    {
        foreach (var (eventId, slot) in _books)
        {
            List<(string DateId, long At)> pending;
            lock (slot)
            {
                pending = [.. slot.Book.PendingReminders()];
            }
            foreach (var (dateId, at) in pending)
            {
                yield return (new CoffeeDue(eventId, dateId), at);
            }
        }
    }

    private static CoffeeBook Copy(CoffeeBook book) => MessagePackSerializer.Deserialize<CoffeeBook>(MessagePackSerializer.Serialize(book));

    private sealed class Slot
    {
        public CoffeeBook Book { get; set; } = new();
    }
}
