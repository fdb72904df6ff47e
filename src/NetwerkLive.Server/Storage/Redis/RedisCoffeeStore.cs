using MessagePack;
using NetwerkLive.Server.Coffees;
using StackExchange.Redis;

namespace NetwerkLive.Server.Storage.Redis;

/// <summary>
/// Coffees as one hash per event (<see cref="RedisKeyNames.Coffees"/>), changed by compare-and-set on its version
/// together with the reminders' due index (<see cref="RedisKeyNames.CoffeeDue"/>), as <see cref="RedisBreakoutStore"/>
/// changes the breakout state.
/// </summary>
public sealed class RedisCoffeeStore(RedisConnection redis, RedisGate gate, RedisExpiry expiry) : ICoffeeStore
{
    private const int MaxUpdateAttempts = 100;
    private static readonly RedisValue[] Fields = ["v", "doc"];

    public async Task<CoffeeBook> GetAsync(string eventId, CancellationToken ct = default) => (await ReadAsync(eventId, ct)).Book;

    public async Task<T> UpdateAsync<T>(string eventId, Func<CoffeeBook, T> change, CancellationToken ct = default)
    {
        var key = redis.Key(RedisKeyNames.Coffees(eventId));
        var due = redis.Key(RedisKeyNames.CoffeeDue);
        for (var attempt = 1; ; attempt++)
        {
            var (book, stored) = await ReadAsync(eventId, ct);
            var version = book.Version;
            var result = change(book);
            book.Version = version + 1;
            var doc = MessagePackSerializer.Serialize(book, cancellationToken: ct);
            var pending = book.PendingReminders().ToList();
            RedisValue[] done = [.. book.Dates.Values.Where(d => !d.ReminderDue).Select(d => (RedisValue)Member(eventId, d.DateId))];
            var latestEnd = book.Dates.Values.Max(d => d.EndsAt);
            var saved = await gate.WriteAsync(async token =>
            {
                var transaction = (await redis.GetDatabaseAsync()).CreateTransaction();
                transaction.AddCondition(stored ? Condition.HashEqual(key, "v", version) : Condition.HashNotExists(key, "v"));
                _ = transaction.HashSetAsync(key, [new HashEntry("v", version + 1), new HashEntry("doc", doc)]);
                if (pending.Count > 0)
                {
                    _ = transaction.SortedSetAddAsync(due, [.. pending.Select(p => new SortedSetEntry(Member(eventId, p.DateId), p.At))]);
                }
                if (done.Length > 0)
                {
                    _ = transaction.SortedSetRemoveAsync(due, done);
                }
                _ = transaction.KeyExpireAsync(key, TimeSpan.FromMilliseconds(expiry.RetentionMs));
                if (latestEnd is { } end)
                {
                    // Never shorter than the retention after the latest coffee's end, however long before it the last change was.
                    _ = transaction.KeyExpireAsync(key, DateTimeOffset.FromUnixTimeMilliseconds(end + expiry.RetentionMs).UtcDateTime, ExpireWhen.GreaterThanCurrentExpiry);
                }
                return await transaction.ExecuteAsync();
            }, ct);
            if (saved)
            {
                return result;
            }
            if (attempt == MaxUpdateAttempts)
            {
                throw new InvalidOperationException($"The coffees of event {eventId} kept changing under this update: gave up after {MaxUpdateAttempts} attempts.");
            }
            await Task.Delay(Random.Shared.Next(0, Math.Min(2 + attempt, 20)), ct);
        }
    }

    public async Task<IReadOnlyList<CoffeeDue>> GetDueRemindersAsync(long now, int limit, CancellationToken ct = default)
    {
        if (limit <= 0)
        {
            return [];
        }
        var key = redis.Key(RedisKeyNames.CoffeeDue);
        var due = await gate.ReadAsync(async _ =>
            await (await redis.GetDatabaseAsync()).SortedSetRangeByScoreAsync(key, double.NegativeInfinity, now, skip: 0, take: limit), ct);
        return [.. due.Select(v => ((string)v!).Split('|', 2)).Where(p => p.Length == 2).Select(p => new CoffeeDue(p[0], p[1]))];
    }

    public async Task<long?> NextReminderAtAsync(CancellationToken ct = default)
    {
        var key = redis.Key(RedisKeyNames.CoffeeDue);
        var first = await gate.ReadAsync(async _ =>
            await (await redis.GetDatabaseAsync()).SortedSetRangeByRankWithScoresAsync(key, 0, 0), ct);
        return first.Length == 0 ? null : (long)first[0].Score;
    }

    private static string Member(string eventId, string dateId) => eventId + "|" + dateId;

    private async Task<(CoffeeBook Book, bool Stored)> ReadAsync(string eventId, CancellationToken ct)
    {
        var key = redis.Key(RedisKeyNames.Coffees(eventId));
        var values = await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).HashGetAsync(key, Fields), ct);
        if (values[1].IsNull)
        {
            return (new CoffeeBook(), false);
        }
        var book = MessagePackSerializer.Deserialize<CoffeeBook>((ReadOnlyMemory<byte>)values[1], cancellationToken: ct);
        book.Version = (long)values[0];
        return (book, true);
    }
}
