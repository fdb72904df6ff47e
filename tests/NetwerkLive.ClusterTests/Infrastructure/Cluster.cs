namespace NetwerkLive.ClusterTests.Infrastructure;

/// <summary>
/// Several NetwerkLive server processes on one Redis, each on its own loopback port, sharing a key
/// prefix of their own so clusters of parallel tests never see each other's data. Disposing kills
/// every node; their output is written to cluster-logs/ next to the test assembly.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    /// <summary>Every node signs and checks tokens with this key, so a token from one node works on all.</summary>
    public const string SigningKey = "cluster-test-signing-key-that-is-long-enough-0123456789";

    /// <summary>Short timings so dead nodes, grace periods and sweeps pass in seconds; a test overrides what it needs.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultSettings = new Dictionary<string, string>
    {
        ["Auth:SigningKey"] = SigningKey,
        ["Redis:HeartbeatInterval"] = "00:00:00.500",
        // Ten missed beats before a live node counts as dead: a loaded CI machine can stall a process for seconds.
        ["Redis:NodeTimeout"] = "00:00:05",
        // Generous for the same reason; an outage still fails at once (the connection fails fast while down).
        ["Redis:OperationTimeout"] = "00:00:10",
        ["Redis:SweepInterval"] = "00:00:00.500",
        ["Room:PresenceGracePeriod"] = "00:00:01",
        ["Room:PresenceInterval"] = "00:00:00.500",
        // Tests send bursts of chat (and retry it during a Redis outage); 5 per 5 s would refuse them.
        // The window must stay at least 10 ms per message (validated at start-up): 60 s / 1000 = 60 ms.
        ["Room:ChatMessagesPerWindow"] = "1000",
        ["Room:ChatWindow"] = "00:01:00",
        ["Logging:LogLevel:Default"] = "Warning",
        // Every test client comes from 127.0.0.1: one "client" to the per-client limits, which tests of
        // other things must not run into. LimitTests sets the defaults back.
        ["Limits:EventsPerClientPerHour"] = "100000",
        ["Limits:RegistrationsPerClientPerEventPerHour"] = "100000",
        ["Limits:RegistrationsPerClientPerHour"] = "100000",
        ["Limits:ReadsPerClientPerMinute"] = "100000",
        ["Limits:HubRequestsPerClientPerMinute"] = "100000",
        ["Limits:HubCallsPerWindow"] = "100000",
        ["Limits:ChatMessagesPerClientPerWindow"] = "10000",
    };

    private Cluster(string keyPrefix, IReadOnlyDictionary<string, string> settings, IReadOnlyList<ClusterNode> nodes)
    {
        KeyPrefix = keyPrefix;
        Settings = settings;
        Nodes = nodes;
    }

    public string KeyPrefix { get; }

    /// <summary>The configuration every node got (defaults, Redis address and the test's overrides).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public IReadOnlyList<ClusterNode> Nodes { get; }

    public ClusterNode this[int index] => Nodes[index];

    /// <summary>Starts <paramref name="nodes"/> server processes in parallel and returns when every one is ready.</summary>
    /// <param name="settings">Configuration overrides ("Section:Key" = value) on top of <see cref="DefaultSettings"/>.</param>
    /// <param name="redisEndpoint">host:port of the Redis to use; the test run's shared one when null.</param>
    public static async Task<Cluster> StartAsync(int nodes, IDictionary<string, string>? settings = null, string? redisEndpoint = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        var keyPrefix = "t" + RandomLetters(8) + ":";
        var all = new Dictionary<string, string>(DefaultSettings)
        {
            ["Redis:ConnectionString"] = redisEndpoint ?? await RedisServer.SharedEndpointAsync(),
            ["Redis:KeyPrefix"] = keyPrefix,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }
        var started = await Task.WhenAll(Enumerable.Range(0, nodes).Select(i => StartNodeOrNullAsync(((char)('A' + i)).ToString(), all)));
        var cluster = new Cluster(keyPrefix, all, [.. started.Select(s => s.Node).OfType<ClusterNode>()]);
        var failure = started.Select(s => s.Error).OfType<Exception>().FirstOrDefault();
        if (failure is not null)
        {
            await cluster.DisposeAsync();
            throw failure;
        }
        return cluster;
    }

    /// <summary>
    /// A command on the cluster's Redis, on <paramref name="key"/> with this cluster's prefix put before it
    /// (the names are those of docs/redis.md): to read what the nodes stored, or to hold what they compete for.
    /// </summary>
    public Task<string?> RedisAsync(string command, string key, params string[] arguments) =>
        RedisProbe.ExecuteAsync(Settings["Redis:ConnectionString"], [command, KeyPrefix + key, .. arguments]);

    /// <summary>Every node's output, for a failure message.</summary>
    public string Output() => string.Join("\n", Nodes.Select(n => $"--- node {n.Name} ({n.BaseUrl}) ---\n{n.Output}"));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Nodes.Select(n => n.DisposeAsync().AsTask()));
        var folder = Path.Combine(AppContext.BaseDirectory, "cluster-logs", KeyPrefix.TrimEnd(':'));
        Directory.CreateDirectory(folder);
        foreach (var node in Nodes)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"node-{node.Name}.log"), node.Output);
        }
    }

    private static async Task<(ClusterNode? Node, Exception? Error)> StartNodeOrNullAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        try
        {
            return (await ClusterNode.StartAsync(name, settings), null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }

    private static string RandomLetters(int count) =>
        string.Create(count, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + Random.Shared.Next(26));
            }
        });
}
