using StackExchange.Redis;

namespace NetwerkLive.Server.Storage.Redis;

/// <summary>
/// The nodes of the deployment: each says it is alive by refreshing a key with a time to live
/// (<c>node:{id}:alive</c>) and is listed in <c>nodes</c>; a listed node whose key expired is dead.
/// Leases (<c>lease:{name}</c>) let one node at a time do a cluster-wide job such as sweeping.
/// </summary>
public sealed class RedisNodes(RedisConnection redis, RedisGate gate)
{
    // KEYS: nodes. ARGV: key prefix. One round trip however many nodes there are.
    private const string DeadNodesScript = """
        local dead = {}
        for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          if redis.call('EXISTS', ARGV[1] .. 'node:' .. id .. ':alive') == 0 then
            dead[#dead + 1] = id
          end
        end
        return dead
        """;

    /// <summary>Says that <paramref name="nodeId"/> is alive for the next <paramref name="ttl"/>.</summary>
    public async Task BeatAsync(string nodeId, TimeSpan ttl, CancellationToken ct = default)
    {
        var alive = AliveKey(nodeId);
        var nodes = NodesKey;
        await gate.WriteAsync(async token =>
        {
            var transaction = (await redis.GetDatabaseAsync()).CreateTransaction();
            _ = transaction.StringSetAsync(alive, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), ttl);
            _ = transaction.SetAddAsync(nodes, nodeId);
            return await transaction.ExecuteAsync();
        }, ct);
    }

    /// <summary>Listed nodes whose last beat has expired (until <see cref="ForgetNodeAsync"/> removes them).</summary>
    public async Task<IReadOnlyList<string>> GetDeadNodesAsync(CancellationToken ct = default)
    {
        RedisKey[] keys = [NodesKey];
        RedisValue[] args = [redis.Prefix];
        var result = await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(DeadNodesScript, keys, args), ct);
        return [.. ((RedisValue[])result!).Select(v => (string)v!)];
    }

    /// <summary>
    /// Takes the lease <paramref name="name"/> for <paramref name="ttl"/> when nobody holds it. True when
    /// <paramref name="owner"/> got it; it is not renewed when the owner already holds it (it simply expires).
    /// </summary>
    public async Task<bool> TryTakeLeaseAsync(string name, string owner, TimeSpan ttl, CancellationToken ct = default)
    {
        var key = redis.Key("lease:" + name);
        return await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).StringSetAsync(key, owner, ttl, When.NotExists), ct);
    }

    /// <summary>
    /// Removes a node from the registry and deletes its keys, including its connection set: call it after
    /// <see cref="RedisPresenceStore.DropNodeAsync"/> has taken over the node's connections.
    /// </summary>
    public async Task ForgetNodeAsync(string nodeId, CancellationToken ct = default)
    {
        var nodes = NodesKey;
        RedisKey[] keys = [AliveKey(nodeId), redis.Key("node:" + nodeId + ":conns")];
        await gate.WriteAsync(async token =>
        {
            var transaction = (await redis.GetDatabaseAsync()).CreateTransaction();
            _ = transaction.SetRemoveAsync(nodes, nodeId);
            _ = transaction.KeyDeleteAsync(keys);
            return await transaction.ExecuteAsync();
        }, ct);
    }

    private RedisKey NodesKey => redis.Key("nodes");

    private RedisKey AliveKey(string nodeId) => redis.Key("node:" + nodeId + ":alive");
}
