using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using NetwerkLive.Server.Events;

namespace NetwerkLive.Server.Chat;

/// <summary>
/// A token bucket per attendee: a burst of <see cref="RoomOptions.ChatMessagesPerWindow"/>, refilled
/// evenly over <see cref="RoomOptions.ChatWindow"/>. The buckets refill on a <see cref="TimeProvider"/>
/// timer (not their own), so tests drive them with a fake clock; full buckets are dropped to bound memory.
/// </summary>
public sealed class ChatRateLimiter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string EventId, string AttendeeId), TokenBucketRateLimiter> _buckets = [];
    private readonly TokenBucketRateLimiterOptions _bucketOptions;
    private readonly ITimer _refill;

    public ChatRateLimiter(IOptions<RoomOptions> options, TimeProvider time)
    {
        var room = options.Value;
        var period = room.ChatWindow / room.ChatMessagesPerWindow;
        _bucketOptions = new TokenBucketRateLimiterOptions
        {
            TokenLimit = room.ChatMessagesPerWindow,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period,
            AutoReplenishment = false,
            QueueLimit = 0,
        };
        _refill = time.CreateTimer(_ => Refill(), null, period, period);
    }

    public int TrackedBuckets
    {
        get
        {
            lock (_gate)
            {
                return _buckets.Count;
            }
        }
    }

    /// <summary>Takes one message's worth from the attendee's bucket; false when it is empty.</summary>
    public bool TryAcquire(string eventId, string attendeeId)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue((eventId, attendeeId), out var bucket))
            {
                bucket = new TokenBucketRateLimiter(_bucketOptions);
                _buckets.Add((eventId, attendeeId), bucket);
            }
            using var lease = bucket.AttemptAcquire();
            return lease.IsAcquired;
        }
    }

    private void Refill()
    {
        lock (_gate)
        {
            List<(string, string)>? full = null;
            foreach (var (key, bucket) in _buckets)
            {
                bucket.TryReplenish();
                if (bucket.GetStatistics()?.CurrentAvailablePermits >= _bucketOptions.TokenLimit)
                {
                    (full ??= []).Add(key);
                }
            }
            foreach (var key in full ?? [])
            {
                _buckets.Remove(key, out var bucket);
                bucket?.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _refill.Dispose();
        lock (_gate)
        {
            foreach (var bucket in _buckets.Values)
            {
                bucket.Dispose();
            }
            _buckets.Clear();
        }
    }
}
