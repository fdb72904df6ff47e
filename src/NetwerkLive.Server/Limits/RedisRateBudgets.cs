using NetwerkLive.Server.Storage.Redis;
using StackExchange.Redis;

namespace NetwerkLive.Server.Limits;

/// <summary>
/// The same token buckets in Redis, one hash per bucket under <c>limit:{rule}:{key}</c>, so every node
/// takes from one budget. One script checks and takes all of a call's buckets at once. The time is the
/// caller's (nodes' clocks agree closely; a bucket never goes back in time), which keeps the fake clock
/// usable; each bucket expires once it would be full again.
/// </summary>
public sealed class RedisRateBudgets(RedisConnection redis, RedisGate gate, TimeProvider time) : IRateBudgets
{
    public const string KeyPrefix = "limit:";

    // ARGV[1] = now (ms); then per key i: capacity, window (ms), cost. Returns {0, 0} when taken, else
    // {i, ms until bucket i has enough}.
    private const string TakeScript = """
        local now = tonumber(ARGV[1])
        local state = {}
        for i, key in ipairs(KEYS) do
          local cap = tonumber(ARGV[i * 3 - 1])
          local window = tonumber(ARGV[i * 3])
          local cost = tonumber(ARGV[i * 3 + 1])
          local b = redis.call('HMGET', key, 't', 'at')
          local tokens = tonumber(b[1]) or cap
          local at = tonumber(b[2]) or now
          if now > at then
            tokens = math.min(cap, tokens + (now - at) * cap / window)
            at = now
          end
          if tokens < cost then
            return {i, math.ceil((cost - tokens) * window / cap)}
          end
          state[i] = {tokens - cost, at, cap, window}
        end
        for i, key in ipairs(KEYS) do
          local s = state[i]
          redis.call('HSET', key, 't', tostring(s[1]), 'at', string.format('%d', s[2]))
          redis.call('PEXPIRE', key, math.ceil((s[3] - s[1]) * s[4] / s[3]) + 1000)
        end
        return {0, 0}
        """;

    public async ValueTask<BudgetRefusal?> TryTakeAsync(IReadOnlyList<BudgetTake> takes, CancellationToken ct = default)
    {
        var keys = new RedisKey[takes.Count];
        var args = new RedisValue[1 + (3 * takes.Count)];
        args[0] = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < takes.Count; i++)
        {
            var (rule, key, cost) = takes[i];
            keys[i] = redis.Key(KeyPrefix + rule.Name + ":" + key);
            args[1 + (3 * i)] = rule.Capacity;
            args[2 + (3 * i)] = (long)rule.Window.TotalMilliseconds;
            args[3 + (3 * i)] = cost;
        }
        var result = (RedisResult[])(await gate.WriteAsync(async _ =>
            await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(TakeScript, keys, args), ct))!;
        var refused = (int)result[0];
        return refused == 0 ? null : new BudgetRefusal(takes[refused - 1].Rule, TimeSpan.FromMilliseconds((long)result[1]));
    }
}
