namespace NetwerkLive.LoadTests.Measurement;

internal static class Bounded
{
    /// <summary>Runs <paramref name="body"/> for 0..count-1 with at most <paramref name="concurrency"/> in flight.</summary>
    public static Task ForAsync(int count, int concurrency, Func<int, CancellationToken, ValueTask> body, CancellationToken ct) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, body);

    /// <summary>Waits for <paramref name="task"/> at most <paramref name="timeout"/>: true when it finished in time.</summary>
    public static async Task<bool> WithinAsync(Task task, TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await task.WaitAsync(timeout, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
