using System.Security.Cryptography;
using NetwerkLive.LoadTests.Cli;

namespace NetwerkLive.LoadTests.Hosting;

/// <summary>
/// Starts (or, with --server, points at) the servers a scenario runs against, with the same settings for
/// every node: limits raised for load, one signing key, a fresh Redis key prefix per cluster.
/// </summary>
internal sealed class ServerLauncher(LoadTestSettings settings, TimeSpan timeout, IDictionary<string, string> reported) : IAsyncDisposable
{
    /// <summary>
    /// The room and per-client limits protect a real event from a chatty attendee or a flood from one
    /// address; a load test's senders are chatty on purpose and all on one machine. Everything else stays
    /// at its default, so the figures are those of a normal node.
    /// </summary>
    private static readonly Dictionary<string, string> LoadSettings = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Room__ChatMessagesPerWindow"] = "100",
        ["Room__ChatWindow"] = "00:00:01",
        // Every simulated attendee comes from this machine's address: one client to the per-client limits.
        ["Limits__EventsPerClientPerHour"] = "100000",
        ["Limits__RegistrationsPerClientPerEventPerHour"] = "100000",
        ["Limits__RegistrationsPerClientPerHour"] = "100000",
        ["Limits__ReadsPerClientPerMinute"] = "100000",
        ["Limits__HubRequestsPerClientPerMinute"] = "100000",
        ["Limits__HubCallsPerWindow"] = "100000",
        ["Limits__ChatMessagesPerClientPerWindow"] = "10000",
        ["Limits__MaxAttendeesPerEvent"] = "1000000",
    };

    private readonly string _signingKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private RedisServer? _redis;

    public bool External => settings.ServerUrls.Count > 0;

    public async Task<ServerCluster> StartNetwerkLiveAsync(int nodes, bool redis, CancellationToken ct)
    {
        if (External)
        {
            return settings.ServerUrls.Count >= nodes
                ? ServerCluster.External([.. settings.ServerUrls.Take(nodes)])
                : throw new InvalidOperationException($"This run needs {nodes} nodes but --server names {settings.ServerUrls.Count}.");
        }
        var environment = new Dictionary<string, string>(LoadSettings) { ["Auth__SigningKey"] = _signingKey };
        await AddRedisAsync(environment, redis, ct);
        Report(environment);
        return await NodeLauncher.StartAsync("netwerklive", RepoLayout.ServerDll, RepoLayout.ServerProject, nodes, environment, timeout, ct);
    }

    public async Task<ServerCluster> StartBaselineAsync(int nodes, bool redis, CancellationToken ct)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        await AddRedisAsync(environment, redis, ct);
        return await NodeLauncher.StartAsync("baseline", RepoLayout.BaselineDll, RepoLayout.BaselineProject, nodes, environment, timeout, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private async Task AddRedisAsync(Dictionary<string, string> environment, bool redis, CancellationToken ct)
    {
        if (!redis)
        {
            return;
        }
        environment["Redis__ConnectionString"] = await RedisEndpointAsync(ct);
        // A fresh prefix per cluster: runs never see each other's keys or backplane messages.
        environment["Redis__KeyPrefix"] = $"lt-{Guid.NewGuid().ToString("N")[..8]}:";
    }

    private async Task<string> RedisEndpointAsync(CancellationToken ct)
    {
        if (settings.Redis is { } endpoint && endpoint != "auto")
        {
            return endpoint;
        }
        _redis ??= await RedisServer.StartAsync(timeout, ct);
        return _redis.Endpoint;
    }

    private void Report(Dictionary<string, string> environment)
    {
        foreach (var (key, value) in environment)
        {
            reported[key] = key switch
            {
                "Auth__SigningKey" => "(random, 64 hex chars, the same on every node)",
                "Redis__KeyPrefix" => "(fresh per cluster)",
                _ => value,
            };
        }
    }
}
