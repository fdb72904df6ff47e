using StackExchange.Redis;

namespace NetwerkLive.Server.Storage.Redis;

/// <summary>
/// Events as a JSON string each (<c>ev:{eventId}</c>) and their attendees as one hash per event
/// (<c>ev:{eventId}:att</c>, attendee id → JSON). Records are replaced as a whole by compare-and-set. The persons
/// removed from an event are a set (<c>ev:{eventId}:removed</c>); those with an ask or an offer a sorted set
/// (<see cref="RedisKeyNames.AskOrOffer"/>).
/// </summary>
public sealed class RedisEventStore(RedisConnection redis, RedisGate gate, RedisExpiry expiry) : IEventStore
{
    private const int MaxCasAttempts = 100;

    public async Task CreateEventAsync(EventRecord record, CancellationToken ct = default)
    {
        var json = RedisJson.Serialize(record, RedisJson.Default.EventRecord);
        var key = EventKey(record.EventId);
        var created = await gate.WriteAsync(async _ =>
            await (await redis.GetDatabaseAsync()).StringSetAsync(key, json, when: When.NotExists), ct);
        if (!created)
        {
            throw new InvalidOperationException($"Event {record.EventId} already exists.");
        }
        await expiry.TouchEventAsync(record.EventId, ct);
    }

    public async Task<EventRecord?> GetEventAsync(string eventId, CancellationToken ct = default)
    {
        var key = EventKey(eventId);
        var value = await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).StringGetAsync(key), ct);
        return value.IsNull ? null : RedisJson.Deserialize((byte[])value!, RedisJson.Default.EventRecord);
    }

    // Of two hosts' tabs (or nodes) going live at once, one sets it.
    public async Task<bool> SetLiveAsync(string eventId, long liveAt, CancellationToken ct = default) =>
        await ChangeEventAsync(eventId, record => record.LiveAt is null ? record with { LiveAt = liveAt } : null, "it went live", ct) is not null;

    // The keep-until key then makes every touch keep the event's keys past its open period.
    public async Task<EventRecord?> EndLiveAsync(string eventId, long endedAt, long openUntil, string? replayUrl, bool chatOpen, CancellationToken ct = default)
    {
        var ended = await ChangeEventAsync(eventId, record => record.WithLiveEnded(endedAt, openUntil, replayUrl, chatOpen), "its live part ended", ct);
        if (ended is not null)
        {
            await KeepUntilAsync(eventId, ended.OpenUntil!.Value, ct);
        }
        return ended;
    }

    /// <summary>
    /// Compare-and-set on the stored JSON, so two changes at once (two tabs, two nodes) each build on the other's.
    /// Returns the saved record; null for an unknown event or when <paramref name="change"/> declines (returns null).
    /// </summary>
    private async Task<EventRecord?> ChangeEventAsync(string eventId, Func<EventRecord, EventRecord?> change, string doing, CancellationToken ct)
    {
        var key = EventKey(eventId);
        for (var attempt = 0; attempt < MaxCasAttempts; attempt++)
        {
            var current = await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).StringGetAsync(key), ct);
            if (current.IsNull || change(RedisJson.Deserialize((byte[])current!, RedisJson.Default.EventRecord)) is not { } changed)
            {
                return null;
            }
            var json = RedisJson.Serialize(changed, RedisJson.Default.EventRecord);
            var saved = await gate.WriteAsync(async token =>
            {
                var transaction = (await redis.GetDatabaseAsync()).CreateTransaction();
                transaction.AddCondition(Condition.StringEqual(key, current));
                // KEEPTTL: the event keeps its retention; the touch below renews it with the rest of its keys.
                _ = transaction.StringSetAsync(key, json, expiry: null, keepTtl: true);
                return await transaction.ExecuteAsync();
            }, ct);
            if (saved)
            {
                await expiry.TouchEventAsync(eventId, ct);
                return changed;
            }
        }
        throw new InvalidOperationException($"Event {eventId} kept changing while {doing} ({MaxCasAttempts} attempts).");
    }

    // The later of the two promises wins (an agreed coffee may lie beyond the open period, or before it).
    private const string KeepLaterScript = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tonumber(ARGV[1]) > current then redis.call('SET', KEYS[1], ARGV[1]) end
        return 1
        """;

    public async Task KeepUntilAsync(string eventId, long until, CancellationToken ct = default)
    {
        var keepKey = redis.Key(RedisKeyNames.KeepUntil(eventId));
        await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(KeepLaterScript, [keepKey], [until]), ct);
        await expiry.TouchEventAsync(eventId, ct);
    }

    public async Task AddAttendeeAsync(AttendeeRecord record, CancellationToken ct = default)
    {
        var json = RedisJson.Serialize(record, RedisJson.Default.AttendeeRecord);
        var key = AttendeesKey(record.EventId);
        var added = await gate.WriteAsync(async token =>
        {
            var transaction = (await redis.GetDatabaseAsync()).CreateTransaction();
            transaction.AddCondition(Condition.HashNotExists(key, record.AttendeeId));
            _ = transaction.HashSetAsync(key, record.AttendeeId, json);
            IndexAskOrOffer(transaction, record);
            return await transaction.ExecuteAsync();
        }, ct);
        if (!added)
        {
            throw new InvalidOperationException($"Attendee {record.AttendeeId} already exists.");
        }
        await expiry.TouchEventAsync(record.EventId, ct);
    }

    public async Task<int> CountAttendeesAsync(string eventId, CancellationToken ct = default)
    {
        var key = AttendeesKey(eventId);
        return (int)await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).HashLengthAsync(key), ct);
    }

    public async Task<AttendeeRecord?> GetAttendeeAsync(string eventId, string attendeeId, CancellationToken ct = default)
    {
        var value = await ReadAttendeeAsync(eventId, attendeeId, ct);
        return value.IsNull ? null : ToAttendee(value);
    }

    public async Task<IReadOnlyList<AttendeeRecord>> GetAttendeesAsync(string eventId, IReadOnlyList<string> attendeeIds, CancellationToken ct = default)
    {
        if (attendeeIds.Count == 0)
        {
            return [];
        }
        var key = AttendeesKey(eventId);
        var fields = attendeeIds.Select(id => (RedisValue)id).ToArray();
        var values = await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).HashGetAsync(key, fields), ct);
        return [.. values.Where(v => !v.IsNull).Select(ToAttendee)];
    }

    public Task<AttendeeRecord?> SetAvailableAsync(string eventId, string attendeeId, bool available, CancellationToken ct = default) =>
        UpdateAsync(eventId, attendeeId, r => r with { Available = available }, ct);

    public async Task<bool> MarkRemovedAsync(string eventId, string attendeeId, CancellationToken ct = default)
    {
        if (await UpdateAsync(eventId, attendeeId, r => r with { Removed = true }, ct, IndexAskOrOffer) is not { } removed)
        {
            return false;
        }
        var key = RemovedPersonsKey(eventId);
        await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).SetAddAsync(key, removed.PersonId), ct);
        await expiry.TouchEventAsync(eventId, ct); // the removed set may be new
        return true;
    }

    public Task<AttendeeRecord?> SetAskAndOfferAsync(string eventId, string attendeeId, Contracts.AskOffer? ask, Contracts.AskOffer? offer, CancellationToken ct = default) =>
        UpdateAsync(eventId, attendeeId, r => r with { Ask = ask, Offer = offer }, ct, IndexAskOrOffer);

    public async Task<IReadOnlyList<AttendeeRecord>> GetWithAskOrOfferAsync(string eventId, int limit, CancellationToken ct = default)
    {
        var index = redis.Key(RedisKeyNames.AskOrOffer(eventId));
        var ids = await gate.ReadAsync(async _ =>
            await (await redis.GetDatabaseAsync()).SortedSetRangeByRankAsync(index, 0, limit - 1, Order.Descending), ct);
        var records = await GetAttendeesAsync(eventId, [.. ids.Select(id => (string)id!)], ct);
        return [.. records.Where(r => !r.Removed)];
    }

    // In the transaction that writes the record, so the board's index never disagrees with it.
    private void IndexAskOrOffer(ITransaction transaction, AttendeeRecord record)
    {
        var index = redis.Key(RedisKeyNames.AskOrOffer(record.EventId));
        _ = record is { HasAskOrOffer: true, Removed: false }
            ? transaction.SortedSetAddAsync(index, record.AttendeeId, record.RegisteredAt)
            : transaction.SortedSetRemoveAsync(index, record.AttendeeId);
    }

    public async Task<bool> IsPersonRemovedAsync(string eventId, string personId, CancellationToken ct = default)
    {
        var key = RemovedPersonsKey(eventId);
        return await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).SetContainsAsync(key, personId), ct);
    }

    public Task<AttendeeRecord?> NextTokenVersionAsync(string eventId, string attendeeId, CancellationToken ct = default) =>
        UpdateAsync(eventId, attendeeId, r => r with { TokenVersion = r.TokenVersion + 1 }, ct);

    // Compare-and-set on the stored JSON, so two nodes changing one attendee at once never lose a change.
    private async Task<AttendeeRecord?> UpdateAsync(string eventId, string attendeeId, Func<AttendeeRecord, AttendeeRecord> change, CancellationToken ct,
        Action<ITransaction, AttendeeRecord>? alongside = null)
    {
        var key = AttendeesKey(eventId);
        for (var attempt = 0; attempt < MaxCasAttempts; attempt++)
        {
            var current = await ReadAttendeeAsync(eventId, attendeeId, ct);
            if (current.IsNull)
            {
                return null;
            }
            var updated = change(ToAttendee(current));
            var json = RedisJson.Serialize(updated, RedisJson.Default.AttendeeRecord);
            var saved = await gate.WriteAsync(async token =>
            {
                var transaction = (await redis.GetDatabaseAsync()).CreateTransaction();
                transaction.AddCondition(Condition.HashEqual(key, attendeeId, current));
                _ = transaction.HashSetAsync(key, attendeeId, json);
                alongside?.Invoke(transaction, updated);
                return await transaction.ExecuteAsync();
            }, ct);
            if (saved)
            {
                await expiry.TouchEventAsync(eventId, ct);
                return updated;
            }
        }
        throw new InvalidOperationException($"Attendee {attendeeId} kept changing while it was updated ({MaxCasAttempts} attempts).");
    }

    private Task<RedisValue> ReadAttendeeAsync(string eventId, string attendeeId, CancellationToken ct)
    {
        var key = AttendeesKey(eventId);
        return gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).HashGetAsync(key, attendeeId), ct);
    }

    private static AttendeeRecord ToAttendee(RedisValue value) => RedisJson.Deserialize((byte[])value!, RedisJson.Default.AttendeeRecord);

    private RedisKey EventKey(string eventId) => redis.Key("ev:" + eventId);

    private RedisKey AttendeesKey(string eventId) => redis.Key("ev:" + eventId + ":att");

    private RedisKey RemovedPersonsKey(string eventId) => redis.Key("ev:" + eventId + ":removed");
}
