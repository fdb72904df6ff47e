namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// Caps the exact search in search steps, so a pathological history (one that admits no perfect
/// schedule) costs bounded time; the caller then uses the best found so far or the heuristic.
/// </summary>
internal sealed class SearchBudget(int steps)
{
    public int Granted { get; } = steps;

    public int Remaining { get; private set; } = steps;

    public bool Exhausted => Remaining <= 0;

    /// <summary>Takes one step; false once the budget is spent.</summary>
    public bool Spend() => --Remaining >= 0;

    /// <summary>A smaller budget for a sub-search; hand it back with <see cref="Settle"/>.</summary>
    public SearchBudget Slice(int steps) => new(Math.Min(steps, Math.Max(Remaining, 0)));

    /// <summary>Charges this budget with what the slice used.</summary>
    public void Settle(SearchBudget slice) => Remaining -= slice.Granted - Math.Max(slice.Remaining, 0);
}
