namespace NetwerkLive.Server.Limits;

/// <summary>
/// Token buckets in this process, on <see cref="TimeProvider"/>. Buckets that have refilled are swept out,
/// so idle clients and attendees cost no memory.
/// </summary>
/// <remarks>
/// Hand-made rather than System.Threading.RateLimiting's TokenBucketRateLimiter: that one times its
/// refills with Stopwatch even when replenished by hand, so it cannot run on a fake clock, and the limits
/// (seconds, minutes, an hour) must be tested without waiting for them. The HTTP rate limiting middleware
/// still uses these buckets, through <see cref="BudgetRateLimiter"/>.
/// </remarks>
public sealed class InMemoryRateBudgets : IRateBudgets, IDisposable
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Rule, string Key), Bucket> _buckets = [];
    private readonly TimeProvider _time;
    private readonly ITimer _sweep;

    public InMemoryRateBudgets(TimeProvider time)
    {
        _time = time;
        _sweep = time.CreateTimer(_ => Sweep(), null, SweepInterval, SweepInterval);
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

    public ValueTask<BudgetRefusal?> TryTakeAsync(IReadOnlyList<BudgetTake> takes, CancellationToken ct = default) => new(TryTake(takes));

    public BudgetRefusal? TryTake(IReadOnlyList<BudgetTake> takes)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var buckets = new Bucket[takes.Count];
            for (var i = 0; i < takes.Count; i++)
            {
                var (rule, key, cost) = takes[i];
                if (!_buckets.TryGetValue((rule.Name, key), out var bucket))
                {
                    bucket = new Bucket(rule) { Tokens = rule.Capacity, At = now };
                    _buckets.Add((rule.Name, key), bucket);
                }
                bucket.Refill(now);
                if (bucket.Tokens < cost)
                {
                    return new BudgetRefusal(rule, rule.TimeFor(cost - bucket.Tokens));
                }
                buckets[i] = bucket;
            }
            for (var i = 0; i < takes.Count; i++)
            {
                buckets[i].Tokens -= takes[i].Cost;
            }
            return null;
        }
    }

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            foreach (var (key, bucket) in _buckets)
            {
                bucket.Refill(now);
                if (bucket.Tokens >= bucket.Rule.Capacity)
                {
                    _buckets.Remove(key);
                }
            }
        }
    }

    public void Dispose() => _sweep.Dispose();

    private sealed class Bucket(BucketRule rule)
    {
        public BucketRule Rule { get; } = rule;

        public double Tokens { get; set; }

        public DateTimeOffset At { get; set; }

        public void Refill(DateTimeOffset now)
        {
            if (now > At)
            {
                Tokens = Math.Min(Rule.Capacity, Tokens + Rule.TokensAfter(now - At));
                At = now;
            }
        }
    }
}
