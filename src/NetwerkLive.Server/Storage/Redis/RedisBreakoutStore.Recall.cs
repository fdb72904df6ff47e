using System.Globalization;
using MessagePack;
using NetwerkLive.Contracts;
using StackExchange.Redis;

namespace NetwerkLive.Server.Storage.Redis;

/// <summary>
/// What a reload needs from the breakouts (see <see cref="RedisKeyNames"/>): each group's chat as a list, the latest
/// broadcast, and per-attendee indexes of whom they met and asked, read in one round trip by Join().
/// </summary>
public sealed partial class RedisBreakoutStore
{
    // KEYS: the group's chat, then the event's keys. ARGV: message, how many to keep, retention.
    private static readonly string AppendChatScript = """
        redis.call('RPUSH', KEYS[1], ARGV[1])
        redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
        """ + RedisExpiry.TouchAfterKeys(0);

    // KEYS: the broadcast, then the event's keys. ARGV: broadcast, retention.
    private static readonly string SetBroadcastScript = """
        redis.call('SET', KEYS[1], ARGV[1])
        """ + RedisExpiry.TouchAfterKeys(0);

    public async Task AppendBreakoutChatAsync(string eventId, BreakoutChatMessage message, CancellationToken ct = default)
    {
        RedisKey[] keys = [GroupChatKey(eventId, message.GroupId), .. expiry.EventKeys(eventId)];
        RedisValue[] args = [MessagePackSerializer.Serialize(message, cancellationToken: ct), BreakoutMemory.BreakoutChatKept, expiry.RetentionMs];
        await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(AppendChatScript, keys, args), ct);
    }

    public async Task SetBroadcastAsync(string eventId, Announcement broadcast, CancellationToken ct = default)
    {
        RedisKey[] keys = [redis.Key(RedisKeyNames.Broadcast(eventId)), .. expiry.EventKeys(eventId)];
        RedisValue[] args = [MessagePackSerializer.Serialize(broadcast, cancellationToken: ct), expiry.RetentionMs];
        await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(SetBroadcastScript, keys, args), ct);
    }

    public async Task<BreakoutMemory> RecallAsync(string eventId, string attendeeId, string? groupId, CancellationToken ct = default)
    {
        var (met, asked, matched) = (redis.Key(RedisKeyNames.Met(eventId)), redis.Key(RedisKeyNames.Asked(eventId)), redis.Key(RedisKeyNames.Matched(eventId)));
        var (chatKey, broadcastKey) = (groupId is null ? default : GroupChatKey(eventId, groupId), redis.Key(RedisKeyNames.Broadcast(eventId)));
        // Every entry of the attendee sorts between "{id}|" and "{id}}" ('}' follows '|'; ids hold neither).
        var (from, to) = ((RedisValue)(attendeeId + "|"), (RedisValue)(attendeeId + "}"));
        return await gate.ReadAsync(async _ =>
        {
            var batch = (await redis.GetDatabaseAsync()).CreateBatch();
            var metRead = batch.SortedSetRangeByValueAsync(met, from, to, Exclude.Stop);
            var askedRead = batch.SortedSetRangeByValueAsync(asked, from, to, Exclude.Stop);
            var matchedRead = batch.SortedSetRangeByValueAsync(matched, from, to, Exclude.Stop);
            var chatRead = groupId is null ? Task.FromResult(Array.Empty<RedisValue>()) : batch.ListRangeAsync(chatKey);
            var broadcastRead = groupId is null ? Task.FromResult(RedisValue.Null) : batch.StringGetAsync(broadcastKey);
            batch.Execute();

            var skip = attendeeId.Length + 1;
            // "{id}|{at}|{other}", in time order: the first meeting with someone places them.
            var metIds = (await metRead).Select(e => ((string)e!)[(skip + 14)..]).Distinct(StringComparer.Ordinal).ToList();
            var matchedIds = (await matchedRead).Select(e => ((string)e!)[skip..]).ToList();
            var askedIds = (await askedRead).Select(e => ((string)e!)[skip..]).Except(matchedIds, StringComparer.Ordinal).ToList();
            var chat = (await chatRead).Select(e => MessagePackSerializer.Deserialize<BreakoutChatMessage>((ReadOnlyMemory<byte>)e, cancellationToken: ct)).ToList();
            var broadcast = await broadcastRead;
            return new BreakoutMemory(metIds, askedIds, matchedIds, chat,
                broadcast.IsNull ? null : MessagePackSerializer.Deserialize<Announcement>((ReadOnlyMemory<byte>)broadcast, cancellationToken: ct));
        }, ct);
    }

    /// <summary>One attendee's view of a meeting in the met index; times as 13 digits, so the order by value is the order in time.</summary>
    private static RedisValue MetEntry(string attendeeId, long at, string other) =>
        attendeeId + "|" + at.ToString("D13", CultureInfo.InvariantCulture) + "|" + other;

    private RedisKey GroupChatKey(string eventId, string groupId) => redis.Key(RedisKeyNames.GroupChat(eventId, groupId));
}
