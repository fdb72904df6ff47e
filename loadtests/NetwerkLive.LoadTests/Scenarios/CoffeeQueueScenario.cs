using System.Diagnostics;
using NetwerkLive.Contracts;
using NetwerkLive.LoadTests.Clients;
using NetwerkLive.LoadTests.Measurement;

namespace NetwerkLive.LoadTests.Scenarios;

/// <summary>
/// Attendees arrive at the coffee queue at a fixed rate: the time from FindCoffeePartner to their
/// BreakoutStarted. The one who completes a pair measures the server; the one who waited also waits for
/// the next arrival (about 1/rate), so the two are reported apart.
/// </summary>
internal sealed class CoffeeQueueScenario : IScenario
{
    public static string Name => "coffee-queue";

    public static string Description => "Arrivals at a fixed rate call FindCoffeePartner: time to be matched.";

    public static ScenarioSize Defaults(bool smoke) => smoke
        ? new(10, 1, 20, TimeSpan.Zero, 8, TimeSpan.FromSeconds(20))
        : new(1000, 1, 50, TimeSpan.Zero, 100, TimeSpan.FromSeconds(60));

    public async Task RunAsync(ScenarioContext context, Results.ScenarioResult result, CancellationToken ct)
    {
        var size = context.Size;
        await using var ours = await context.NetwerkLiveAsync(context.Nodes, context.UseRedis, ct);
        var target = result.AddTarget("netwerklive", ScenarioContext.Describe("NetwerkLive", context.Nodes, context.UseRedis), context.Nodes);
        var clients = await ours.PrepareAttendeesAsync(size.Attendees, size.Concurrency, ct);
        await JoinPhase.RunAsync(context, target, clients, ct);

        var arrivals = clients.Select(c => new Arrival(c)).ToArray();
        var matched = new Countdown(arrivals.Length - (arrivals.Length % 2));
        foreach (var arrival in arrivals)
        {
            arrival.Client.Connection.BreakoutStarted += assignment =>
            {
                if (assignment.RoundId.StartsWith("coffee-", StringComparison.Ordinal) && arrival.Matched(Stamp.Now))
                {
                    matched.Add();
                }
            };
        }

        var calls = new List<Task>(arrivals.Length);
        var failed = 0;
        string? firstError = null;
        using (context.Progress.Track($"{target.Name}: matched at {size.Rate}/s", matched.Target, () => matched.Count))
        {
            var started = Stamp.Now;
            for (var i = 0; i < arrivals.Length; i++)
            {
                var due = started + (long)(i / size.Rate * Stopwatch.Frequency);
                if (Stamp.Seconds(Stamp.Now, due) is var wait and > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait), ct);
                }
                calls.Add(CallAsync(arrivals[i]));
            }
            await Bounded.WithinAsync(Task.WhenAll(calls), size.Timeout, ct);
            if (!await Bounded.WithinAsync(matched.Done, size.Timeout, ct))
            {
                target.Problems.Add($"{matched.Count} of {matched.Target} arrivals matched within {size.Timeout.TotalSeconds:0} s.");
            }
        }
        if (failed > 0)
        {
            target.Problems.Add($"{failed} FindCoffeePartner calls failed; the first said: {firstError}");
        }

        var completing = new LatencyHistogram();
        var waited = new LatencyHistogram();
        foreach (var arrival in arrivals.Where(a => a.MatchedAt != 0))
        {
            (arrival.CompletedPair ? completing : waited).Record(arrival.CalledAt, arrival.MatchedAt);
        }
        target.Set("arrivalsPerSecond", size.Rate);
        target.Set("matched", matched.Count);
        target.Add("matchCompletingPair", completing);
        target.Add("matchAfterWaiting", waited);

        async Task CallAsync(Arrival arrival)
        {
            try
            {
                arrival.CalledAt = Stamp.Now;
                CoffeeQueueStatus status = await arrival.Client.Connection.FindCoffeePartner();
                arrival.CompletedPair = status.Matched;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref firstError, ex.Message, null);
                Interlocked.Increment(ref failed);
            }
        }
    }

    private sealed class Arrival(NetwerkLiveClient client)
    {
        private long _matchedAt;

        public NetwerkLiveClient Client { get; } = client;

        public long CalledAt { get; set; }

        public bool CompletedPair { get; set; }

        public long MatchedAt => Interlocked.Read(ref _matchedAt);

        /// <summary>True the first time only.</summary>
        public bool Matched(long at) => Interlocked.CompareExchange(ref _matchedAt, at, 0) == 0;
    }
}
