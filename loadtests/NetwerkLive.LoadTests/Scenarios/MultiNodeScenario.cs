using NetwerkLive.LoadTests.Clients;
using NetwerkLive.LoadTests.Results;

namespace NetwerkLive.LoadTests.Scenarios;

/// <summary>
/// The chat fan-out with clients spread over several nodes on Redis, and the same on one in-memory node
/// (the single-node deployment), in one run: the ratio is what scaling out costs. The baseline does the
/// same with SignalR's own Redis backplane.
/// </summary>
internal sealed class MultiNodeScenario : IScenario
{
    public static string Name => "multi-node";

    public static string Description => "chat-fanout over 2 nodes and Redis, against 1 node in the same run.";

    public static ScenarioSize Defaults(bool smoke) => ChatFanoutScenario.Defaults(smoke);

    public async Task RunAsync(ScenarioContext context, ScenarioResult result, CancellationToken ct)
    {
        var nodes = context.Settings.Nodes is > 1 ? context.Settings.Nodes.Value : 2;
        await RunPairAsync(context, result, "netwerklive", "NetwerkLive", nodes, async (n, redis, t) => await context.NetwerkLiveAsync(n, redis, t), ct);
        if (context.Baseline)
        {
            await RunPairAsync(context, result, "baseline", "plain SignalR relay hub", nodes, async (n, redis, t) => await context.BaselineAsync(n, redis, t), ct);
            result.CompareAll($"netwerklive-{nodes}-nodes", $"baseline-{nodes}-nodes");
            result.CompareAll("netwerklive-1-node", "baseline-1-node");
        }
    }

    private static async Task RunPairAsync(ScenarioContext context, ScenarioResult result, string name, string what, int nodes,
        Func<int, bool, CancellationToken, Task<IRoomTarget>> start, CancellationToken ct)
    {
        var single = $"{name}-1-node";
        var scaled = $"{name}-{nodes}-nodes";
        await using (var target = await start(1, false, ct))
        {
            await FanoutWorkload.RunAsync(context, target, result.AddTarget(single, ScenarioContext.Describe(what, 1, false), 1), ct);
        }
        await using (var target = await start(nodes, true, ct))
        {
            await FanoutWorkload.RunAsync(context, target, result.AddTarget(scaled, ScenarioContext.Describe(what, nodes, true), nodes), ct);
        }
        result.CompareAll(scaled, single);
    }
}
