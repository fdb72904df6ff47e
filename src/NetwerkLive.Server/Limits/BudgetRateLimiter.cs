using System.Threading.RateLimiting;

namespace NetwerkLive.Server.Limits;

/// <summary>
/// Lets ASP.NET Core's rate limiting middleware take from <see cref="IRateBudgets"/>: the buckets live
/// there (in memory, or in Redis for every node), on the server's clock. This limiter keeps no state of its
/// own, so the middleware may drop it as soon as it is idle.
/// </summary>
internal sealed class BudgetRateLimiter(IRateBudgets budgets, LimitRules rules, BudgetTake[] takes) : RateLimiter
{
    public override TimeSpan? IdleDuration => TimeSpan.Zero;

    public override RateLimiterStatistics? GetStatistics() => null;

    // Not acquired here: the middleware then calls AcquireAsync, which may ask Redis without blocking a thread.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var refusal = await budgets.TryTakeAsync(takes, cancellationToken);
        return refusal is null ? Lease.Granted : new Lease(false, refusal.RetryAfter, rules.Explain(refusal));
    }

    private sealed class Lease(bool acquired, TimeSpan retryAfter, string? reason) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, TimeSpan.Zero, null);
        public static readonly Lease NotYet = new(false, TimeSpan.Zero, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => reason is null ? [] : [MetadataName.RetryAfter.Name, MetadataName.ReasonPhrase.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = reason is null ? null
                : metadataName == MetadataName.RetryAfter.Name ? retryAfter
                : metadataName == MetadataName.ReasonPhrase.Name ? reason
                : null;
            return metadata is not null;
        }
    }
}
