using NetwerkLive.LoadTests.Cli;
using NetwerkLive.LoadTests.Clients;
using NetwerkLive.LoadTests.Hosting;

namespace NetwerkLive.LoadTests.Scenarios;

internal sealed class ScenarioContext(LoadTestSettings settings, ScenarioSize size, ServerLauncher servers, ConnectionSettings connections, LiveProgress progress)
{
    public LoadTestSettings Settings { get; } = settings;

    public ScenarioSize Size { get; } = size;

    public ServerLauncher Servers { get; } = servers;

    public ConnectionSettings Connections { get; } = connections;

    public LiveProgress Progress { get; } = progress;

    public bool Baseline => !Settings.NoBaseline;

    /// <summary>--nodes for a single-cluster scenario: more than one only over Redis.</summary>
    public int Nodes => Settings.Nodes ?? 1;

    public bool UseRedis => Settings.Redis is not null || Nodes > 1;

    public async Task<NetwerkLiveTarget> NetwerkLiveAsync(int nodes, bool redis, CancellationToken ct) =>
        new(await Servers.StartNetwerkLiveAsync(nodes, redis, ct), Connections);

    public async Task<BaselineTarget> BaselineAsync(int nodes, bool redis, CancellationToken ct) =>
        new(await Servers.StartBaselineAsync(nodes, redis, ct), Connections);

    public static string Describe(string what, int nodes, bool redis) =>
        $"{what}, {nodes} node{(nodes == 1 ? "" : "s")}, {(redis ? "Redis" : "in-memory")}";
}
