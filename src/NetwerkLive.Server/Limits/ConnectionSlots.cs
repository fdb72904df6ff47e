using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Storage.Redis;
using StackExchange.Redis;

namespace NetwerkLive.Server.Limits;

/// <summary>The open hub connections of each attendee token, capped at <see cref="LimitOptions.ConnectionsPerAttendee"/>.</summary>
public interface IConnectionSlots
{
    /// <summary>Takes a slot for the connection; false when the attendee already has the most allowed.</summary>
    ValueTask<bool> TryAcquireAsync(string eventId, string attendeeId, string connectionId, CancellationToken ct = default);

    ValueTask ReleaseAsync(string eventId, string attendeeId, string connectionId);
}

/// <summary>One node: the connections are all here.</summary>
public sealed class InMemoryConnectionSlots(IOptions<LimitOptions> options) : IConnectionSlots
{
    private readonly int _cap = options.Value.ConnectionsPerAttendee;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string EventId, string AttendeeId), HashSet<string>> _slots = [];

    public ValueTask<bool> TryAcquireAsync(string eventId, string attendeeId, string connectionId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_slots.TryGetValue((eventId, attendeeId), out var held))
            {
                held = [];
                _slots.Add((eventId, attendeeId), held);
            }
            return ValueTask.FromResult(held.Count < _cap && held.Add(connectionId));
        }
    }

    public ValueTask ReleaseAsync(string eventId, string attendeeId, string connectionId)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue((eventId, attendeeId), out var held) && held.Remove(connectionId) && held.Count == 0)
            {
                _slots.Remove((eventId, attendeeId));
            }
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Several nodes: a sorted set per attendee (<c>limit:conns:{eventId}:{attendeeId}</c>) of connection ids
/// scored by when their lease runs out. Each node renews the leases of its own connections every
/// heartbeat, so the slots of a node that died free themselves after <see cref="RedisOptions.NodeTimeout"/>.
/// </summary>
public sealed class RedisConnectionSlots : IConnectionSlots, IHostedService, IDisposable
{
    // KEYS[1] = the set; ARGV = now, lease end, connection id, cap. 1 when a slot was taken.
    private const string AcquireScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then
          return 0
        end
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) - tonumber(ARGV[1]))
        return 1
        """;

    private readonly RedisConnection _redis;
    private readonly RedisGate _gate;
    private readonly TimeProvider _time;
    private readonly int _cap;
    private readonly TimeSpan _lease;
    private readonly TimeSpan _renewEvery;
    private readonly ConcurrentDictionary<string, RedisKey> _held = new(StringComparer.Ordinal);
    private ITimer? _renewal;

    public RedisConnectionSlots(RedisConnection redis, RedisGate gate, TimeProvider time, IOptions<LimitOptions> limits, IOptions<RedisOptions> cluster)
    {
        _redis = redis;
        _gate = gate;
        _time = time;
        _cap = limits.Value.ConnectionsPerAttendee;
        _lease = cluster.Value.NodeTimeout;
        _renewEvery = cluster.Value.HeartbeatInterval;
    }

    public async ValueTask<bool> TryAcquireAsync(string eventId, string attendeeId, string connectionId, CancellationToken ct = default)
    {
        var key = _redis.Key(RedisRateBudgets.KeyPrefix + "conns:" + eventId + ":" + attendeeId);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        RedisValue[] args = [now, now + (long)_lease.TotalMilliseconds, connectionId, _cap];
        var taken = (long)await _gate.WriteAsync(async _ =>
            await (await _redis.GetDatabaseAsync()).ScriptEvaluateAsync(AcquireScript, [key], args), ct) == 1;
        if (taken)
        {
            _held[connectionId] = key;
        }
        return taken;
    }

    public async ValueTask ReleaseAsync(string eventId, string attendeeId, string connectionId)
    {
        if (_held.TryRemove(connectionId, out var key))
        {
            await _gate.WriteAsync(async _ => await (await _redis.GetDatabaseAsync()).SortedSetRemoveAsync(key, connectionId));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // One shot, armed again once a renewal has finished: renewals never pile up while Redis is slow, and a clock
        // that jumps (a resumed VM, a test's fake clock moved by 30 days) renews once, not once per beat it jumped over.
        _renewal = _time.CreateTimer(_ => _ = RenewThenRearmAsync(), null, _renewEvery, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _renewal?.Dispose();
        return Task.CompletedTask;
    }

    private async Task RenewThenRearmAsync()
    {
        try
        {
            await RenewAsync();
        }
        finally
        {
            try
            {
                _renewal?.Change(_renewEvery, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Stopped while renewing: no next beat.
            }
        }
    }

    public void Dispose() => _renewal?.Dispose();

    /// <summary>Moves the lease of every slot this node holds on by <see cref="RedisOptions.NodeTimeout"/>.</summary>
    public async Task RenewAsync()
    {
        if (_held.IsEmpty)
        {
            return;
        }
        var leaseEnd = _time.GetUtcNow().ToUnixTimeMilliseconds() + (long)_lease.TotalMilliseconds;
        try
        {
            var db = await _redis.GetDatabaseAsync();
            var batch = db.CreateBatch();
            var writes = _held.Select(h => (Task)batch.SortedSetAddAsync(h.Value, h.Key, leaseEnd, SortedSetWhen.Exists))
                .Concat(_held.Values.Distinct().Select(key => (Task)batch.KeyExpireAsync(key, _lease)))
                .ToList();
            batch.Execute();
            await Task.WhenAll(writes);
        }
        catch (RedisException)
        {
            // Redis is away: the leases are renewed at the next beat, or run out and free the slots, which
            // errs on the side of letting people connect.
        }
    }
}
