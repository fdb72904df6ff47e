namespace NetwerkLive.Server.Limits;

/// <summary>
/// A token bucket's shape: a burst of <see cref="Capacity"/>, refilled evenly over <see cref="Window"/>.
/// <see cref="Name"/> keeps the buckets of different rules apart and names the rule in a refusal.
/// </summary>
public sealed record BucketRule(string Name, int Capacity, TimeSpan Window)
{
    // Tokens per tick, not ticks per token: Window / Capacity rounds to whole ticks (10 s / 60 does), and a
    // window of refills would then bring back a little less than the whole burst.
    public double TokensAfter(TimeSpan elapsed) => elapsed.Ticks * (double)Capacity / Window.Ticks;

    /// <summary>How long until <paramref name="missing"/> tokens have refilled, rounded up to a whole tick.</summary>
    public TimeSpan TimeFor(double missing) => TimeSpan.FromTicks((long)Math.Ceiling(missing * Window.Ticks / Capacity));
}

/// <summary>What one call takes: <see cref="Cost"/> tokens from the bucket of <see cref="Rule"/> named <see cref="Key"/>.</summary>
public readonly record struct BudgetTake(BucketRule Rule, string Key, int Cost = 1);

/// <summary>Why a take was refused: the rule whose bucket was short, and when it would have enough.</summary>
public sealed record BudgetRefusal(BucketRule Rule, TimeSpan RetryAfter);

/// <summary>
/// Token buckets: in memory on one node, in Redis when nodes share budgets (one token on two nodes still
/// gets one budget). Time comes from the caller's <see cref="TimeProvider"/>, so a fake clock drives them.
/// </summary>
public interface IRateBudgets
{
    /// <summary>All or nothing: takes every cost, or none and says which rule refused. Null when taken.</summary>
    ValueTask<BudgetRefusal?> TryTakeAsync(IReadOnlyList<BudgetTake> takes, CancellationToken ct = default);
}
