using NetwerkLive.LoadTests.Clients;
using NetwerkLive.LoadTests.Measurement;
using NetwerkLive.LoadTests.Results;

namespace NetwerkLive.LoadTests.Scenarios;

/// <summary>
/// N registered attendees connect and Join at once (bounded concurrency). Ours: joins/s, the time until
/// every client knows the final count, presence messages per client per second, memory per 1,000
/// connections. Baseline: the joins only (it has no presence).
/// </summary>
internal sealed class JoinStormScenario : IScenario
{
    public static string Name => "join-storm";

    public static string Description => "N attendees connect and join as fast as possible.";

    public static ScenarioSize Defaults(bool smoke) => smoke
        ? new(10, 1, 1, TimeSpan.Zero, 8, TimeSpan.FromSeconds(20))
        : new(5000, 1, 1, TimeSpan.Zero, 100, TimeSpan.FromSeconds(60));

    public async Task RunAsync(ScenarioContext context, ScenarioResult result, CancellationToken ct)
    {
        var size = context.Size;
        await using (var ours = await context.NetwerkLiveAsync(context.Nodes, context.UseRedis, ct))
        {
            var target = result.AddTarget("netwerklive", ScenarioContext.Describe("NetwerkLive", context.Nodes, context.UseRedis), context.Nodes);
            var clients = await ours.PrepareAttendeesAsync(size.Attendees, size.Concurrency, ct);
            var idle = ours.Cluster.ResidentBytes();
            var everyoneKnows = new Countdown(clients.Count);
            var seen = new LatencyHistogram();
            long stormStart = 0;
            foreach (var client in clients)
            {
                client.CountSeen += c =>
                {
                    seen.Record(stormStart, c.CountSeenAt);
                    everyoneKnows.Add();
                };
            }
            foreach (var client in clients)
            {
                client.Expect(clients.Count);
            }
            stormStart = Stamp.Now;
            var joins = await JoinPhase.RunAsync(context, target, clients, ct);
            if (joins.Joined < clients.Count)
            {
                // Those who could not join are not counted by the server: the final count is of those who did.
                everyoneKnows.Retarget(joins.Joined);
                foreach (var client in clients)
                {
                    client.Expect(joins.Joined);
                }
            }
            using (context.Progress.Track($"{target.Name}: final count seen", clients.Count, () => everyoneKnows.Count))
            {
                if (!await Bounded.WithinAsync(everyoneKnows.Done, size.Timeout, ct))
                {
                    target.Problems.Add($"Only {everyoneKnows.Count} of {joins.Joined} joined clients saw the final count ({joins.Joined}) within {size.Timeout.TotalSeconds:0} s.");
                }
            }
            var stormSeconds = Stamp.Seconds(stormStart, everyoneKnows.LastAt == 0 ? Stamp.Now : everyoneKnows.LastAt);
            target.Set("allSeeFinalCountSeconds", everyoneKnows.Count >= joins.Joined ? stormSeconds : null);
            target.Add("finalCountSeen", seen);
            target.Set("presenceMessagesPerClientPerSecond", clients.Sum(c => c.PresenceMessages) / (double)clients.Count / stormSeconds);
            RecordMemory(target, ours.Cluster, idle, joins.Joined);
        }

        if (context.Baseline)
        {
            await using var baseline = await context.BaselineAsync(context.Nodes, context.UseRedis, ct);
            var target = result.AddTarget("baseline", ScenarioContext.Describe("plain SignalR relay hub", context.Nodes, context.UseRedis), context.Nodes);
            var clients = await baseline.PrepareClientsAsync(size.Attendees, size.Concurrency, ct);
            var idle = baseline.Cluster.ResidentBytes();
            var joins = await JoinPhase.RunAsync(context, target, clients, ct);
            RecordMemory(target, baseline.Cluster, idle, joins.Joined);
            result.CompareAll("netwerklive", "baseline");
        }
    }

    /// <summary>Working set of the node(s) per 1,000 connections: all of it, and the growth since before the joins.</summary>
    private static void RecordMemory(TargetResult target, Hosting.ServerCluster cluster, long? idle, int connections)
    {
        if (cluster.ResidentBytes() is not { } loaded || connections == 0)
        {
            return;
        }
        const double Mb = 1024 * 1024;
        target.Set("serverWorkingSetMb", loaded / Mb);
        target.Set("serverWorkingSetMbPer1000Connections", loaded / Mb / connections * 1000);
        if (idle is { } before)
        {
            target.Set("serverWorkingSetGrowthMbPer1000Connections", (loaded - before) / Mb / connections * 1000);
        }
    }
}
