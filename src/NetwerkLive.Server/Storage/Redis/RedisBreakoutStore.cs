using MessagePack;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Breakouts.Pairing;
using StackExchange.Redis;

namespace NetwerkLive.Server.Storage.Redis;

/// <summary>
/// Breakout state as one hash per event (<c>bo:{eventId}</c>: <c>v</c> = version, <c>doc</c> = MessagePack of
/// <see cref="BreakoutState"/>), changed by compare-and-set on <c>v</c> together with the due index
/// (<c>bo:due</c>). Meetings, series memory, blocks and follow-ups are lists and sets next to it; the meetings
/// list has a set of the round-and-pair ids it holds (<c>bo:{eventId}:meetings:ids</c>), so each meeting is in it once.
/// </summary>
public sealed partial class RedisBreakoutStore(RedisConnection redis, RedisGate gate, RedisExpiry expiry) : IBreakoutStore
{
    private const int MaxUpdateAttempts = 100;
    private static readonly RedisValue[] StateFields = ["v", "doc"];

    // KEYS: requests, mutual pairs, asked index, matched index. ARGV: requester|target, target|requester, encoded pair.
    // The two indexes are what Join() reads per attendee (RedisKeyNames.Asked, RedisKeyNames.Matched).
    private const string FollowUpScript = """
        redis.call('SADD', KEYS[1], ARGV[1])
        redis.call('ZADD', KEYS[3], 0, ARGV[1])
        if redis.call('SISMEMBER', KEYS[1], ARGV[2]) == 1 then
          redis.call('ZADD', KEYS[4], 0, ARGV[1], 0, ARGV[2])
          return redis.call('SADD', KEYS[2], ARGV[3])
        end
        return 0
        """;

    // KEYS: meetings list, its ids, series pairs, met index. ARGV: n, then n meeting ids, n entries, n encoded person
    // pairs, and 2n met index entries (a's view, b's view of each meeting).
    private const string RecordMeetingsScript = """
        local n = tonumber(ARGV[1])
        for i = 1, n do
          if redis.call('SADD', KEYS[2], ARGV[1 + i]) == 1 then
            redis.call('RPUSH', KEYS[1], ARGV[1 + n + i])
            redis.call('ZADD', KEYS[4], 0, ARGV[1 + 3 * n + 2 * i - 1], 0, ARGV[1 + 3 * n + 2 * i])
          end
          redis.call('SADD', KEYS[3], ARGV[1 + 2 * n + i])
        end
        return n
        """;

    public async Task<BreakoutState> GetAsync(string eventId, CancellationToken ct = default) =>
        (await ReadStateAsync(eventId, ct)).State;

    public async Task<T> UpdateAsync<T>(string eventId, Func<BreakoutState, T> change, CancellationToken ct = default)
    {
        var key = StateKey(eventId);
        var due = DueKey;
        for (var attempt = 1; ; attempt++)
        {
            var (state, stored) = await ReadStateAsync(eventId, ct);
            var version = state.Version;
            var groupsBefore = state.Groups.Keys.ToList();
            // Runs on a freshly read copy: when it throws, nothing has been written.
            var result = change(state);
            // A group's private chat goes in the same transaction as the group.
            RedisKey[] endedChats = [.. groupsBefore.Where(g => !state.Groups.ContainsKey(g)).Select(g => GroupChatKey(eventId, g))];
            state.Version = version + 1;
            var doc = MessagePackSerializer.Serialize(state, cancellationToken: ct);
            var nextDueAt = state.NextDueAt;

            var saved = await gate.WriteAsync(async token =>
            {
                var transaction = (await redis.GetDatabaseAsync()).CreateTransaction();
                transaction.AddCondition(stored ? Condition.HashEqual(key, "v", version) : Condition.HashNotExists(key, "v"));
                _ = transaction.HashSetAsync(key, [new HashEntry("v", version + 1), new HashEntry("doc", doc)]);
                _ = nextDueAt is { } at
                    ? transaction.SortedSetAddAsync(due, eventId, at)
                    : transaction.SortedSetRemoveAsync(due, eventId);
                if (endedChats.Length > 0)
                {
                    _ = transaction.KeyDeleteAsync(endedChats);
                }
                return await transaction.ExecuteAsync();
            }, ct);
            if (saved)
            {
                await expiry.TouchEventAsync(eventId, ct);
                return result;
            }
            if (attempt == MaxUpdateAttempts)
            {
                throw new InvalidOperationException(
                    $"The breakout state of event {eventId} kept changing under this update: gave up after {MaxUpdateAttempts} attempts.");
            }
            // Another node won the race: back off a little (more after each loss) so contenders spread out.
            await Task.Delay(Random.Shared.Next(0, Math.Min(2 + attempt, 20)), ct);
        }
    }

    public async Task<IReadOnlyList<string>> GetDueAsync(long now, int limit, CancellationToken ct = default)
    {
        if (limit <= 0)
        {
            return [];
        }
        var key = DueKey;
        var due = await gate.ReadAsync(async _ =>
            await (await redis.GetDatabaseAsync()).SortedSetRangeByScoreAsync(key, double.NegativeInfinity, now, skip: 0, take: limit), ct);
        return [.. due.Select(v => (string)v!)];
    }

    public async Task RecordMeetingsAsync(string eventId, string seriesId, IReadOnlyList<Meeting> meetings, CancellationToken ct = default)
    {
        if (meetings.Count == 0)
        {
            return;
        }
        RedisKey[] keys = [MeetingsKey(eventId), MeetingIdsKey(eventId), SeriesMeetingsKey(seriesId), redis.Key(RedisKeyNames.Met(eventId))];
        RedisValue[] args =
        [
            meetings.Count,
            .. meetings.Select(m => (RedisValue)(m.RoundId + "/" + PairKeyCodec.Encode(PairKey.Of(m.A, m.B)))),
            .. meetings.Select(m => (RedisValue)RedisJson.Serialize(m, RedisJson.Default.Meeting)),
            .. meetings.Select(m => (RedisValue)PairKeyCodec.Encode(PairKey.Of(m.PersonA, m.PersonB))),
            .. meetings.SelectMany(m => new[] { MetEntry(m.A, m.At, m.B), MetEntry(m.B, m.At, m.A) }),
        ];
        await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(RecordMeetingsScript, keys, args), ct);
        await expiry.TouchEventAsync(eventId, ct, SeriesMeetingsKey(seriesId));
    }

    public async Task<IReadOnlyList<Meeting>> GetMeetingsAsync(string eventId, CancellationToken ct = default)
    {
        var key = MeetingsKey(eventId);
        var entries = await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).ListRangeAsync(key), ct);
        return [.. entries.Select(e => RedisJson.Deserialize((byte[])e!, RedisJson.Default.Meeting))];
    }

    public Task<IReadOnlySet<PairKey>> GetSeriesMeetingsAsync(string seriesId, CancellationToken ct = default) =>
        ReadPairsAsync(SeriesMeetingsKey(seriesId), ct);

    public async Task AddBlockAsync(string seriesId, PairKey persons, CancellationToken ct = default)
    {
        var key = BlocksKey(seriesId);
        var member = PairKeyCodec.Encode(persons);
        await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).SetAddAsync(key, member), ct);
        await expiry.TouchAsync([key], ct);
    }

    public Task<IReadOnlySet<PairKey>> GetBlocksAsync(string seriesId, CancellationToken ct = default) =>
        ReadPairsAsync(BlocksKey(seriesId), ct);

    public async Task<bool> RequestFollowUpAsync(string eventId, string requester, string target, CancellationToken ct = default)
    {
        var pair = PairKeyCodec.Encode(PairKey.Of(requester, target));
        RedisKey[] keys = [RequestsKey(eventId), MutualKey(eventId), redis.Key(RedisKeyNames.Asked(eventId)), redis.Key(RedisKeyNames.Matched(eventId))];
        RedisValue[] args = [requester + "|" + target, target + "|" + requester, pair];
        var matched = await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(FollowUpScript, keys, args), ct);
        await expiry.TouchEventAsync(eventId, ct);
        return (long)matched == 1;
    }

    public async Task<IReadOnlyList<PairKey>> GetMutualFollowUpsAsync(string eventId, CancellationToken ct = default) =>
        [.. await ReadPairsAsync(MutualKey(eventId), ct)];

    public async Task WithdrawFollowUpsAsync(string eventId, PairKey attendees, CancellationToken ct = default)
    {
        var (requests, mutual) = (RequestsKey(eventId), MutualKey(eventId));
        var (asked, matched) = (redis.Key(RedisKeyNames.Asked(eventId)), redis.Key(RedisKeyNames.Matched(eventId)));
        RedisValue[] both = [attendees.First + "|" + attendees.Second, attendees.Second + "|" + attendees.First];
        var pair = PairKeyCodec.Encode(attendees);
        await gate.WriteAsync(async token =>
        {
            var transaction = (await redis.GetDatabaseAsync()).CreateTransaction();
            _ = transaction.SetRemoveAsync(requests, both);
            _ = transaction.SetRemoveAsync(mutual, pair);
            _ = transaction.SortedSetRemoveAsync(asked, both);
            _ = transaction.SortedSetRemoveAsync(matched, both);
            _ = transaction.SortedSetRemoveAsync(redis.Key(RedisKeyNames.CoffeeRequests(eventId)), both);
            return await transaction.ExecuteAsync();
        }, ct);
    }

    // Pending only if never declined: a no stays a no, and the asker is never told.
    private static readonly string CoffeeRequestScript = """
        local added = 0
        if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 0 then
          added = redis.call('ZADD', KEYS[1], 'NX', 0, ARGV[1])
        end
        """ + RedisExpiry.TouchAfterKeys(2) + """
        return added
        """;

    public async Task<bool> AddCoffeeRequestAsync(string eventId, string requester, string target, CancellationToken ct = default)
    {
        RedisKey[] keys = [redis.Key(RedisKeyNames.CoffeeRequests(eventId)), redis.Key(RedisKeyNames.DeclinedCoffeeRequests(eventId)), .. expiry.EventKeys(eventId)];
        RedisValue[] args = [target + "|" + requester, expiry.RetentionMs];
        var added = await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(CoffeeRequestScript, keys, args), ct);
        return (long)added == 1;
    }

    public async Task<IReadOnlyList<string>> GetCoffeeRequestsToAsync(string eventId, string target, CancellationToken ct = default)
    {
        var key = redis.Key(RedisKeyNames.CoffeeRequests(eventId));
        // Every entry of the target sorts between "{id}|" and "{id}}" ('}' follows '|'; ids hold neither).
        var entries = await gate.ReadAsync(async _ =>
            await (await redis.GetDatabaseAsync()).SortedSetRangeByValueAsync(key, target + "|", target + "}", Exclude.Stop), ct);
        return [.. entries.Select(e => ((string)e!)[(target.Length + 1)..])];
    }

    public async Task DeclineCoffeeRequestAsync(string eventId, string requester, string target, CancellationToken ct = default)
    {
        var (pending, declined) = (redis.Key(RedisKeyNames.CoffeeRequests(eventId)), redis.Key(RedisKeyNames.DeclinedCoffeeRequests(eventId)));
        RedisValue entry = target + "|" + requester;
        await gate.WriteAsync(async token =>
        {
            var transaction = (await redis.GetDatabaseAsync()).CreateTransaction();
            _ = transaction.SortedSetRemoveAsync(pending, entry);
            _ = transaction.SetAddAsync(declined, entry);
            return await transaction.ExecuteAsync();
        }, ct);
        await expiry.TouchEventAsync(eventId, ct);
    }

    private async Task<(BreakoutState State, bool Stored)> ReadStateAsync(string eventId, CancellationToken ct)
    {
        var key = StateKey(eventId);
        var values = await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).HashGetAsync(key, StateFields), ct);
        if (values[1].IsNull)
        {
            return (new BreakoutState(), false);
        }
        var state = MessagePackSerializer.Deserialize<BreakoutState>((ReadOnlyMemory<byte>)values[1], cancellationToken: ct);
        // The version field is what the compare-and-set checks; the document's copy must agree with it.
        state.Version = (long)values[0];
        return (state, true);
    }

    private async Task<IReadOnlySet<PairKey>> ReadPairsAsync(RedisKey key, CancellationToken ct)
    {
        var members = await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).SetMembersAsync(key), ct);
        return members.Select(m => PairKeyCodec.Decode((string)m!)).ToHashSet();
    }

    private RedisKey StateKey(string eventId) => redis.Key("bo:" + eventId);

    private RedisKey DueKey => redis.Key("bo:due");

    private RedisKey MeetingsKey(string eventId) => redis.Key("bo:" + eventId + ":meetings");

    private RedisKey SeriesMeetingsKey(string seriesId) => redis.Key("series:" + seriesId + ":met");

    private RedisKey BlocksKey(string seriesId) => redis.Key("series:" + seriesId + ":blocks");

    private RedisKey MeetingIdsKey(string eventId) => redis.Key("bo:" + eventId + ":meetings:ids");

    private RedisKey RequestsKey(string eventId) => redis.Key("fu:" + eventId + ":req");

    private RedisKey MutualKey(string eventId) => redis.Key("fu:" + eventId + ":mutual");
}
