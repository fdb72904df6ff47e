using NetwerkLive.LoadTests.Results;

namespace NetwerkLive.LoadTests.Scenarios;

/// <summary>One event of N, M senders at R messages/s in total for T seconds: end-to-end latency and delivered messages/s.</summary>
internal sealed class ChatFanoutScenario : IScenario
{
    public static string Name => "chat-fanout";

    public static string Description => "N attendees in one event, M senders at a fixed total rate: end-to-end latency, deliveries/s.";

    public static ScenarioSize Defaults(bool smoke) => smoke
        ? new(10, 3, 10, TimeSpan.FromSeconds(2), 8, TimeSpan.FromSeconds(20))
        : new(2000, 20, 20, TimeSpan.FromSeconds(30), 100, TimeSpan.FromSeconds(60));

    public async Task RunAsync(ScenarioContext context, ScenarioResult result, CancellationToken ct)
    {
        await using (var ours = await context.NetwerkLiveAsync(context.Nodes, context.UseRedis, ct))
        {
            var target = result.AddTarget("netwerklive", ScenarioContext.Describe("NetwerkLive", context.Nodes, context.UseRedis), context.Nodes);
            await FanoutWorkload.RunAsync(context, ours, target, ct);
        }
        if (context.Baseline)
        {
            await using var baseline = await context.BaselineAsync(context.Nodes, context.UseRedis, ct);
            var target = result.AddTarget("baseline", ScenarioContext.Describe("plain SignalR relay hub", context.Nodes, context.UseRedis), context.Nodes);
            await FanoutWorkload.RunAsync(context, baseline, target, ct);
            result.CompareAll("netwerklive", "baseline");
        }
    }
}
