using Microsoft.Extensions.Options;
using NetwerkLive.Server.Events;

namespace NetwerkLive.Server.Chat;

/// <summary>
/// A token bucket per attendee: a burst of <see cref="RoomOptions.ChatMessagesPerWindow"/>, refilled
/// evenly over <see cref="RoomOptions.ChatWindow"/>.
/// </summary>
/// <remarks>
/// System.Threading.RateLimiting's TokenBucketRateLimiter reads Stopwatch itself, even when replenished
/// by hand, so it cannot run on a fake clock. This is the same algorithm over <see cref="TimeProvider"/>,
/// which makes the limits testable without sleeping. Buckets that have refilled are swept out.
/// </remarks>
public sealed class ChatRateLimiter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string EventId, string AttendeeId), Bucket> _buckets = [];
    private readonly TimeProvider _time;
    private readonly int _limit;
    private readonly TimeSpan _perToken;
    private readonly ITimer _sweep;

    public ChatRateLimiter(IOptions<RoomOptions> options, TimeProvider time)
    {
        _time = time;
        _limit = options.Value.ChatMessagesPerWindow;
        _perToken = options.Value.ChatWindow / _limit;
        var sweepEvery = options.Value.ChatWindow * 2;
        _sweep = time.CreateTimer(_ => Sweep(), null, sweepEvery, sweepEvery);
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
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_buckets.TryGetValue((eventId, attendeeId), out var bucket))
            {
                bucket = new Bucket { Tokens = _limit, At = now };
                _buckets.Add((eventId, attendeeId), bucket);
            }
            Refill(bucket, now);
            if (bucket.Tokens < 1)
            {
                return false;
            }
            bucket.Tokens -= 1;
            return true;
        }
    }

    private void Refill(Bucket bucket, DateTimeOffset now)
    {
        bucket.Tokens = Math.Min(_limit, bucket.Tokens + ((now - bucket.At) / _perToken));
        bucket.At = now;
    }

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            foreach (var (key, bucket) in _buckets)
            {
                Refill(bucket, now);
                if (bucket.Tokens >= _limit)
                {
                    _buckets.Remove(key);
                }
            }
        }
    }

    public void Dispose() => _sweep.Dispose();

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public DateTimeOffset At { get; set; }
    }
}
