using NetwerkLive.Server.Cluster;
using StackExchange.Redis;

namespace NetwerkLive.Server.Storage.Redis;

/// <summary>
/// Presence over Redis. Per event a sorted set of who is present by join time (<c>pr:{eventId}:joined</c>) and
/// per attendee a set of their connections as <c>{nodeId}|{connectionId}</c> (<c>pr:{eventId}:c:{attendeeId}</c>);
/// one sorted set of idle attendees of all events (<c>pr:idle</c>, <c>{eventId}|{attendeeId}</c> by idle time);
/// and per node the connections it holds (<c>node:{nodeId}:conns</c>, <c>{eventId}|{attendeeId}|{connectionId}</c>),
/// so the others can take over when it dies. Each change is one Lua script, so it is atomic across nodes.
/// Ids never hold '|' (see <see cref="Events.Ids"/>, and SignalR connection ids are URL-safe base64).
/// </summary>
public sealed class RedisPresenceStore(RedisConnection redis, RedisGate gate, NodeIdentity node, RedisExpiry expiry) : IPresenceStore
{
    // KEYS: joined, connections, idle, node connections. ARGV: attendee, node|connection, now, event|attendee, event|attendee|connection.
    // Returns 2 when this made the attendee present, 1 when they came back from idle (no connection), 0 otherwise.
    private const string ConnectScript = """
        redis.call('SADD', KEYS[2], ARGV[2])
        redis.call('SADD', KEYS[4], ARGV[5])
        local cameBack = redis.call('ZREM', KEYS[3], ARGV[4])
        if redis.call('ZADD', KEYS[1], 'NX', ARGV[3], ARGV[1]) == 1 then
          return 2
        end
        return cameBack
        """;

    // Same KEYS and ARGV as ConnectScript. Returns the connections left.
    private const string DisconnectScript = """
        redis.call('SREM', KEYS[4], ARGV[5])
        if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
          return 0
        end
        local removed = redis.call('SREM', KEYS[2], ARGV[2])
        local left = redis.call('SCARD', KEYS[2])
        if removed == 1 and left == 0 then
          redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
        end
        return left
        """;

    // KEYS: joined, connections, idle. ARGV: attendee, event|attendee, only-if-idle (1/0), key prefix, event.
    // Also takes the attendee's connections out of their nodes' sets (O(their connections)).
    private const string RemoveScript = """
        if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
          return 0
        end
        if ARGV[3] == '1' and redis.call('SCARD', KEYS[2]) > 0 then
          return 0
        end
        for _, member in ipairs(redis.call('SMEMBERS', KEYS[2])) do
          local nodeId, connectionId = string.match(member, '^([^|]*)|(.*)$')
          if nodeId then
            redis.call('SREM', ARGV[4] .. 'node:' .. nodeId .. ':conns', ARGV[5] .. '|' .. ARGV[1] .. '|' .. connectionId)
          end
        end
        redis.call('DEL', KEYS[2])
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('ZREM', KEYS[3], ARGV[2])
        return 1
        """;

    // KEYS: node connections, idle. ARGV: key prefix, node id, now. Returns event, attendee, event, attendee...
    // of those it made idle. A second run (or one racing on another node) finds the node's set gone: no-op.
    // Entries of attendees who left or were evicted since find no connection to remove and are skipped.
    private const string DropNodeScript = """
        local idle = {}
        for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          local eventId, attendeeId, connectionId = string.match(member, '^([^|]*)|([^|]*)|(.*)$')
          if eventId then
            local connections = ARGV[1] .. 'pr:' .. eventId .. ':c:' .. attendeeId
            if redis.call('SREM', connections, ARGV[2] .. '|' .. connectionId) == 1
              and redis.call('SCARD', connections) == 0
              and redis.call('ZSCORE', ARGV[1] .. 'pr:' .. eventId .. ':joined', attendeeId) then
              redis.call('ZADD', KEYS[2], ARGV[3], eventId .. '|' .. attendeeId)
              idle[#idle + 1] = eventId
              idle[#idle + 1] = attendeeId
            end
          end
        end
        redis.call('DEL', KEYS[1])
        return idle
        """;

    public async Task<ConnectOutcome> ConnectAsync(string eventId, string attendeeId, string connectionId, long now, CancellationToken ct = default)
    {
        var (keys, args) = ConnectionCall(eventId, attendeeId, connectionId, now);
        var outcome = await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(ConnectScript, keys, args), ct);
        // Only a connect makes a connections key (later changes remove members, or the whole key).
        await expiry.TouchEventAsync(eventId, ct, ConnectionsKey(eventId, attendeeId));
        return (long)outcome switch
        {
            2 => ConnectOutcome.Joined,
            1 => ConnectOutcome.CameBack,
            _ => ConnectOutcome.AnotherConnection,
        };
    }

    public async Task<IReadOnlyDictionary<string, PresenceStatus>> GetStatusAsync(string eventId, IReadOnlyList<string> attendeeIds, CancellationToken ct = default)
    {
        var found = new Dictionary<string, PresenceStatus>(StringComparer.Ordinal);
        if (attendeeIds.Count == 0)
        {
            return found;
        }
        var (joinedKey, idleKey) = (JoinedKey(eventId), IdleKey);
        RedisValue[] members = [.. attendeeIds.Select(id => (RedisValue)id)];
        RedisValue[] idleMembers = [.. attendeeIds.Select(id => (RedisValue)(eventId + "|" + id))];
        // Both ZMSCOREs in one round trip: present since when, and idle (no connection) or not.
        var (joined, idle) = await gate.ReadAsync(async _ =>
        {
            var batch = (await redis.GetDatabaseAsync()).CreateBatch();
            var joinedAt = batch.SortedSetScoresAsync(joinedKey, members);
            var idleSince = batch.SortedSetScoresAsync(idleKey, idleMembers);
            batch.Execute();
            return (await joinedAt, await idleSince);
        }, ct);
        for (var i = 0; i < attendeeIds.Count; i++)
        {
            if (joined[i] is { } at)
            {
                found[attendeeIds[i]] = new PresenceStatus((long)at, Connected: idle[i] is null);
            }
        }
        return found;
    }

    public async Task<int> DisconnectAsync(string eventId, string attendeeId, string connectionId, long now, CancellationToken ct = default)
    {
        var (keys, args) = ConnectionCall(eventId, attendeeId, connectionId, now);
        var left = await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(DisconnectScript, keys, args), ct);
        return (int)left;
    }

    public Task<bool> LeaveIfIdleAsync(string eventId, string attendeeId, CancellationToken ct = default) =>
        RemoveAsync(eventId, attendeeId, onlyIfIdle: true, ct);

    public Task<bool> EvictAsync(string eventId, string attendeeId, CancellationToken ct = default) =>
        RemoveAsync(eventId, attendeeId, onlyIfIdle: false, ct);

    public async Task<long?> GetJoinedAtAsync(string eventId, string attendeeId, CancellationToken ct = default)
    {
        var key = JoinedKey(eventId);
        var score = await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).SortedSetScoreAsync(key, attendeeId), ct);
        return score is { } at ? (long)at : null;
    }

    public async Task<IReadOnlyDictionary<string, long>> GetJoinedAtAsync(string eventId, IReadOnlyList<string> attendeeIds, CancellationToken ct = default)
    {
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        if (attendeeIds.Count == 0)
        {
            return found;
        }
        var key = JoinedKey(eventId);
        RedisValue[] members = [.. attendeeIds.Select(id => (RedisValue)id)];
        // ZMSCORE: every score in one round trip.
        var scores = await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).SortedSetScoresAsync(key, members), ct);
        for (var i = 0; i < attendeeIds.Count; i++)
        {
            if (scores[i] is { } at)
            {
                found[attendeeIds[i]] = (long)at;
            }
        }
        return found;
    }

    public async Task<PresenceSnapshot> GetAsync(string eventId, int limit, CancellationToken ct = default)
    {
        var key = JoinedKey(eventId);
        var (first, count) = await gate.ReadAsync(async _ =>
        {
            // One round trip: both commands go out together. Equal join times sort by member, which is
            // ordinal for these ASCII ids: the in-memory store's order.
            var batch = (await redis.GetDatabaseAsync()).CreateBatch();
            var range = limit > 0 ? batch.SortedSetRangeByRankWithScoresAsync(key, 0, limit - 1L) : Task.FromResult(Array.Empty<SortedSetEntry>());
            var total = batch.SortedSetLengthAsync(key);
            batch.Execute();
            return (await range, await total);
        }, ct);
        return new PresenceSnapshot([.. first.Select(e => new PresentAttendee((string)e.Element!, (long)e.Score))], (int)count);
    }

    public async Task<IReadOnlyList<IdleAttendee>> GetIdleAsync(long idleSince, int limit, CancellationToken ct = default)
    {
        if (limit <= 0)
        {
            return [];
        }
        var key = IdleKey;
        var entries = await gate.ReadAsync(async _ =>
            await (await redis.GetDatabaseAsync()).SortedSetRangeByScoreWithScoresAsync(key, double.NegativeInfinity, idleSince, skip: 0, take: limit), ct);
        return [.. entries.Select(e =>
        {
            var member = (string)e.Element!;
            var bar = member.IndexOf('|', StringComparison.Ordinal);
            return new IdleAttendee(member[..bar], member[(bar + 1)..], (long)e.Score);
        })];
    }

    public async Task<int> CountAsync(string eventId, CancellationToken ct = default)
    {
        var key = JoinedKey(eventId);
        return (int)await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).SortedSetLengthAsync(key), ct);
    }

    /// <summary>
    /// Takes over from a dead node: removes every connection it held; attendees left with no connection become
    /// idle since <paramref name="now"/> and are returned (their grace period then runs as usual). Atomic, and
    /// safe to run twice or on two nodes at once (the second run returns nothing). Call it before
    /// <see cref="RedisNodes.ForgetNodeAsync"/>, which deletes the node's connection set.
    /// </summary>
    public async Task<IReadOnlyList<IdleAttendee>> DropNodeAsync(string nodeId, long now, CancellationToken ct = default)
    {
        RedisKey[] keys = [redis.Key("node:" + nodeId + ":conns"), IdleKey];
        RedisValue[] args = [redis.Prefix, nodeId, now];
        var result = await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(DropNodeScript, keys, args), ct);
        var flat = (RedisValue[])result!;
        var idle = new List<IdleAttendee>(flat.Length / 2);
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            idle.Add(new IdleAttendee((string)flat[i]!, (string)flat[i + 1]!, now));
        }
        return idle;
    }

    private async Task<bool> RemoveAsync(string eventId, string attendeeId, bool onlyIfIdle, CancellationToken ct)
    {
        RedisKey[] keys = [JoinedKey(eventId), ConnectionsKey(eventId, attendeeId), IdleKey];
        RedisValue[] args = [attendeeId, eventId + "|" + attendeeId, onlyIfIdle ? "1" : "0", redis.Prefix, eventId];
        var removed = await gate.WriteAsync(async _ => await (await redis.GetDatabaseAsync()).ScriptEvaluateAsync(RemoveScript, keys, args), ct);
        return (long)removed == 1;
    }

    private (RedisKey[] Keys, RedisValue[] Args) ConnectionCall(string eventId, string attendeeId, string connectionId, long now) => (
        [JoinedKey(eventId), ConnectionsKey(eventId, attendeeId), IdleKey, redis.Key("node:" + node.NodeId + ":conns")],
        [attendeeId, node.NodeId + "|" + connectionId, now, eventId + "|" + attendeeId, eventId + "|" + attendeeId + "|" + connectionId]);

    private RedisKey JoinedKey(string eventId) => redis.Key("pr:" + eventId + ":joined");

    private RedisKey ConnectionsKey(string eventId, string attendeeId) => redis.Key("pr:" + eventId + ":c:" + attendeeId);

    private RedisKey IdleKey => redis.Key("pr:idle");
}
