using NetwerkLive.LoadTests.Clients;
using NetwerkLive.LoadTests.Measurement;
using NetwerkLive.LoadTests.Results;

namespace NetwerkLive.LoadTests.Scenarios;

/// <summary>Connects and joins clients as fast as the concurrency bound allows; every scenario starts with it.</summary>
internal static class JoinPhase
{
    public sealed record Outcome(int Joined, double Seconds, long StartedAt, LatencyHistogram Latency);

    /// <summary>Joins all; the failures (with the first reason) go to the target's problems.</summary>
    public static async Task<Outcome> RunAsync(ScenarioContext context, TargetResult target, IReadOnlyList<IRoomClient> clients, CancellationToken ct)
    {
        var latency = new LatencyHistogram();
        var joined = 0;
        var failed = 0;
        string? firstError = null;
        using var _ = context.Progress.Track($"{target.Name}: join {clients.Count}", clients.Count, () => Volatile.Read(ref joined) + Volatile.Read(ref failed));
        var started = Stamp.Now;
        var all = Bounded.ForAsync(clients.Count, context.Size.Concurrency, async (i, token) =>
        {
            var begin = Stamp.Now;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(context.Size.Timeout);
                await clients[i].ConnectAndJoinAsync(timeout.Token).WaitAsync(timeout.Token);
                latency.Record(begin, Stamp.Now);
                Interlocked.Increment(ref joined);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref firstError, ex.Message, null);
                Interlocked.Increment(ref failed);
            }
        }, ct);
        await all;
        var seconds = Stamp.Seconds(started, Stamp.Now);
        if (failed > 0)
        {
            target.Problems.Add($"{failed} of {clients.Count} clients could not connect and join; the first said: {firstError}");
        }
        target.Set("joined", joined);
        target.Set("joinSeconds", seconds);
        target.Set("joinsPerSecond", joined / seconds);
        target.Add("connectAndJoin", latency);
        return new Outcome(joined, seconds, started, latency);
    }
}
