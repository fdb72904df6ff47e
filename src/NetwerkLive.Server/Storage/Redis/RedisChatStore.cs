using System.Globalization;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;
using StackExchange.Redis;

namespace NetwerkLive.Server.Storage.Redis;

/// <summary>
/// An event's chat as a stream (<c>chat:{eventId}</c>) whose entry ids are <c>{seq}-0</c>, numbered by a
/// counter (<c>chat:{eventId}:seq</c>) in the same script, so seqs are gap-free and ordered across nodes.
/// Keeps the newest <see cref="RoomOptions.ChatRetention"/> messages, exactly like the in-memory store.
/// The same script publishes the message on <c>chat:feed</c>: Redis runs scripts one at a time, so every
/// subscriber (each node's <see cref="Chat.ChatRelay"/>) gets an event's messages in seq order.
/// </summary>
public sealed class RedisChatStore(RedisConnection redis, RedisGate gate, IOptions<RoomOptions> options, RedisExpiry expiry) : IChatStore
{
    // Exact MAXLEN (not "~"): it drops one entry per append, which is cheap, and keeps exactly the newest
    // ChatRetention messages, counting deletes the way the in-memory store does, so both pass one contract.
    // The event's keys follow the message's two: the same round trip keeps the event alive (RedisExpiry).
    private static readonly string AppendScript = """
        local seq = redis.call('INCR', KEYS[2])
        redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], seq .. '-0', 's', ARGV[2], 'n', ARGV[3], 't', ARGV[4], 'at', ARGV[5])
        redis.call('PUBLISH', ARGV[6], ARGV[7] .. '\n' .. seq .. '\n' .. ARGV[8])
        """ + RedisExpiry.TouchAfterKeys(2) + """
        return seq
        """;

    // The event's keys, the announcement's among them, follow: the same round trip keeps the event alive.
    private static readonly string SetAnnouncementScript = """
        redis.call('SET', KEYS[1], ARGV[1])
        """ + RedisExpiry.TouchAfterKeys(0);

    private readonly int _retention = options.Value.ChatRetention;

    public async Task<ChatMessage> AppendAsync(string eventId, string senderId, string senderName, string text, long sentAt, CancellationToken ct = default)
    {
        RedisKey[] keys = [StreamKey(eventId), redis.Key("chat:" + eventId + ":seq"), .. expiry.EventKeys(eventId)];
        var entry = RedisJson.Serialize(new ChatFeedEntry(senderId, senderName, text, sentAt), RedisJson.Default.ChatFeedEntry);
        RedisValue[] args = [_retention, senderId, senderName, text, sentAt, FeedChannelName, eventId, entry, expiry.RetentionMs];
        var result = await gate.WriteAsync(async _ =>
            await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(AppendScript, keys, args), ct);
        return new ChatMessage((long)result, senderId, senderName, text, sentAt);
    }

    public async Task<IReadOnlyList<ChatMessage>> GetLatestAsync(string eventId, int count, CancellationToken ct = default)
    {
        if (count <= 0)
        {
            return [];
        }
        var key = StreamKey(eventId);
        var entries = await gate.ReadAsync(async _ =>
            await (await redis.GetDatabaseAsync()).StreamRangeAsync(key, "-", "+", count, Order.Descending), ct);
        return [.. entries.Reverse().Select(ToMessage)];
    }

    public async Task<IReadOnlyList<ChatMessage>> GetSinceAsync(string eventId, long afterSeq, int limit, CancellationToken ct = default)
    {
        if (limit <= 0)
        {
            return [];
        }
        var key = StreamKey(eventId);
        RedisValue from = afterSeq < 0 ? "-" : EntryId(afterSeq + 1);
        var entries = await gate.ReadAsync(async _ =>
            await (await redis.GetDatabaseAsync()).StreamRangeAsync(key, from, "+", limit, Order.Ascending), ct);
        return [.. entries.Select(ToMessage)];
    }

    public async Task<bool> DeleteAsync(string eventId, long seq, CancellationToken ct = default)
    {
        if (seq <= 0)
        {
            return false;
        }
        var key = StreamKey(eventId);
        var deleted = await gate.WriteAsync(async _ =>
            await (await redis.GetDatabaseAsync()).StreamDeleteAsync(key, [EntryId(seq)]), ct);
        return deleted == 1;
    }

    public async Task SetAnnouncementAsync(string eventId, Announcement announcement, CancellationToken ct = default)
    {
        RedisKey[] keys = [redis.Key(RedisKeyNames.Announcement(eventId)), .. expiry.EventKeys(eventId)];
        RedisValue[] args = [MessagePack.MessagePackSerializer.Serialize(announcement, cancellationToken: ct), expiry.RetentionMs];
        await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(SetAnnouncementScript, keys, args), ct);
    }

    public async Task<Announcement?> GetAnnouncementAsync(string eventId, CancellationToken ct = default)
    {
        var key = redis.Key(RedisKeyNames.Announcement(eventId));
        var value = await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).StringGetAsync(key), ct);
        return value.IsNull ? null : MessagePack.MessagePackSerializer.Deserialize<Announcement>((ReadOnlyMemory<byte>)value, cancellationToken: ct);
    }

    public async Task SubscribeAsync(Func<string, ChatMessage, Task> onAppended, CancellationToken ct = default)
    {
        var connection = await redis.ConnectAsync();
        var queue = await connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(FeedChannelName));
        // A handler returning a Task is called for one message at a time, in the order Redis sent them.
        queue.OnMessage(message =>
        {
            var eventId = Decode(message.Message, out var chatMessage);
            return onAppended(eventId, chatMessage);
        });
    }

    private string FeedChannelName => redis.Prefix + "chat:feed";

    // "{eventId}\n{seq}\n{json}": ids and numbers hold no line breaks; the JSON may, so it comes last.
    private static string Decode(RedisValue payload, out ChatMessage message)
    {
        var text = (string)payload!;
        var first = text.IndexOf('\n', StringComparison.Ordinal);
        var second = text.IndexOf('\n', first + 1);
        var seq = long.Parse(text.AsSpan(first + 1, second - first - 1), NumberStyles.None, CultureInfo.InvariantCulture);
        var entry = RedisJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(text[(second + 1)..]), RedisJson.Default.ChatFeedEntry);
        message = new ChatMessage(seq, entry.SenderId, entry.SenderName, entry.Text, entry.SentAt);
        return text[..first];
    }

    private RedisKey StreamKey(string eventId) => redis.Key("chat:" + eventId);

    private static string EntryId(long seq) => seq.ToString(CultureInfo.InvariantCulture) + "-0";

    private static ChatMessage ToMessage(StreamEntry entry)
    {
        var id = entry.Id.ToString();
        var seq = long.Parse(id.AsSpan(0, id.IndexOf('-', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);
        return new ChatMessage(seq, (string)entry["s"]!, (string)entry["n"]!, (string)entry["t"]!, (long)entry["at"]);
    }
}
