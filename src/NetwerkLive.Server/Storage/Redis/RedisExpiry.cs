using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NetwerkLive.Server.Storage.Redis;

/// <summary>
/// Every key of an event lives <see cref="StorageOptions.EventRetention"/> after the event's last change: each
/// store write ends by setting that TTL again on all of the event's keys (one script, O(keys)), so keys made
/// later in the event's life get it too and an idle event's keys all go together. The keys are listed here,
/// once (docs/redis.md has the table); a series' keys get it when they are written.
/// </summary>
public sealed class RedisExpiry(RedisConnection redis, RedisGate gate, IOptions<StorageOptions> options)
{
    // PEXPIRE on a key that does not exist (yet) does nothing, so one list fits every stage of an event.
    private static readonly string EventTouchScript = TouchAfterKeys(0);

    private const string TouchScript = """
        for _, key in ipairs(KEYS) do
          redis.call('PEXPIRE', key, ARGV[1])
        end
        """;

    public long RetentionMs { get; } = (long)options.Value.EventRetention.TotalMilliseconds;

    /// <summary>The keys of one event (besides each attendee's presence connections, which the presence store passes).</summary>
    public RedisKey[] EventKeys(string eventId) =>
    [
        redis.Key(RedisKeyNames.KeepUntil(eventId)),
        redis.Key("ev:" + eventId),
        redis.Key("ev:" + eventId + ":att"),
        redis.Key("ev:" + eventId + ":removed"),
        redis.Key(RedisKeyNames.AskOrOffer(eventId)),
        redis.Key("chat:" + eventId),
        redis.Key("chat:" + eventId + ":seq"),
        redis.Key("pr:" + eventId + ":joined"),
        redis.Key("bo:" + eventId),
        redis.Key("bo:" + eventId + ":meetings"),
        redis.Key("bo:" + eventId + ":meetings:ids"),
        redis.Key("fu:" + eventId + ":req"),
        redis.Key("fu:" + eventId + ":mutual"),
        redis.Key(RedisKeyNames.Announcement(eventId)),
        redis.Key(RedisKeyNames.Broadcast(eventId)),
        redis.Key(RedisKeyNames.Met(eventId)),
        redis.Key(RedisKeyNames.Asked(eventId)),
        redis.Key(RedisKeyNames.Matched(eventId)),
        redis.Key(RedisKeyNames.CoffeeRequests(eventId)),
        redis.Key(RedisKeyNames.DeclinedCoffeeRequests(eventId)),
    ];

    /// <summary>
    /// For a script whose own keys end at <c>KEYS[n]</c>: lines that set the retention (its last ARGV) on the keys
    /// after them, so a write on a hot path (a chat message) keeps the event alive in its own round trip. Call the
    /// script with its keys followed by <see cref="EventKeys"/>, and its args followed by <see cref="RetentionMs"/>.
    /// An ended event's keys live the retention past the end of its open period (the keep-until key of
    /// <see cref="EventKeys"/>, found by its name), on Redis's own clock, so the event stays whole for people who come later.
    /// </summary>
    public static string TouchAfterKeys(int n) => $$"""

        local keepMs = tonumber(ARGV[#ARGV])
        for i = {{n + 1}}, #KEYS do
          if string.sub(KEYS[i], -5) == ':keep' then
            local keepUntil = tonumber(redis.call('GET', KEYS[i]) or '')
            if keepUntil then
              local now = redis.call('TIME')
              local left = keepUntil - (tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000))
              if left > 0 then keepMs = keepMs + left end
            end
            break
          end
        end
        for i = {{n + 1}}, #KEYS do
          redis.call('PEXPIRE', KEYS[i], keepMs)
        end

        """;

    /// <summary>Sets the retention TTL on every key of the event, and on <paramref name="more"/>.</summary>
    public Task TouchEventAsync(string eventId, CancellationToken ct, params RedisKey[] more) =>
        EvaluateAsync(EventTouchScript, [.. EventKeys(eventId), .. more], ct);

    /// <summary>Sets the retention TTL on keys that are not an event's (a series' memory).</summary>
    public Task TouchAsync(RedisKey[] keys, CancellationToken ct) => EvaluateAsync(TouchScript, keys, ct);

    private Task<RedisResult> EvaluateAsync(string script, RedisKey[] keys, CancellationToken ct)
    {
        RedisValue[] args = [RetentionMs];
        return gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(script, keys, args), ct);
    }
}
