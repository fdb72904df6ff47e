using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace NetwerkLive.ClusterTests.Infrastructure;

/// <summary>
/// A redis-server for the tests. <see cref="SharedEndpointAsync"/> is the one every cluster of the test
/// run shares (each with its own key prefix): NETWERKLIVE_TEST_REDIS when set, otherwise a redis-server
/// from PATH started once. <see cref="StartDurableAsync"/> is one a test owns, to stop and restart it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "NETWERKLIVE_TEST_REDIS";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly Lazy<Task<string>> Shared = new(StartSharedAsync);

    private readonly string[] _arguments;
    private ChildProcess _process;

    private RedisServer(int port, string[] arguments, ChildProcess process)
    {
        Port = port;
        _arguments = arguments;
        _process = process;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public string Output => _process.Output;

    /// <summary>host:port of the Redis shared by the whole test run. Fails (never skips) when there is none.</summary>
    public static Task<string> SharedEndpointAsync() => Shared.Value;

    /// <summary>A Redis that keeps every acknowledged write on disk in <paramref name="directory"/>, so it survives a restart.</summary>
    public static Task<RedisServer> StartDurableAsync(string directory) =>
        StartAsync(["--appendonly", "yes", "--appendfsync", "always", "--dir", directory]);

    /// <summary>SIGKILL: Redis gets no chance to save anything beyond what it already wrote.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>Starts Redis again on the same port with the same arguments (and so the same data directory).</summary>
    public async Task RestartAsync()
    {
        await _process.DisposeAsync();
        _process = await LaunchAsync(Port, _arguments);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task<RedisServer> StartAsync(string[] arguments)
    {
        var port = ChildProcess.FreeLoopbackPort();
        return new RedisServer(port, arguments, await LaunchAsync(port, arguments));
    }

    private static async Task<ChildProcess> LaunchAsync(int port, string[] arguments)
    {
        string[] all = ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", .. arguments];
        if (!arguments.Contains("--appendonly"))
        {
            all = [.. all, "--appendonly", "no"];
        }
        ChildProcess process;
        try
        {
            process = ChildProcess.Start($"redis-server :{port}", "redis-server", all);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                $"The cluster tests need Redis: set {EnvironmentVariable}=host:port, or put redis-server on PATH (apt-get install redis-server). {ex.Message}", ex);
        }
        try
        {
            await WaitUntilAnswersPingAsync($"127.0.0.1:{port}", process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return process;
    }

    private static async Task<string> StartSharedAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            await WaitUntilAnswersPingAsync(configured, process: null);
            return configured;
        }
        // Never disposed: it lives as long as the test run, and ChildProcess kills it when the run exits.
        var server = await StartAsync([]);
        return server.Endpoint;
    }

    /// <summary>Until Redis answers PING with PONG (not -LOADING while it replays its append-only file).</summary>
    private static async Task WaitUntilAnswersPingAsync(string endpoint, ChildProcess? process)
    {
        var separator = endpoint.LastIndexOf(':');
        var host = endpoint[..separator];
        var port = int.Parse(endpoint[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        string last = "no answer";
        while (clock.Elapsed < StartTimeout)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"redis-server on port {port} exited while starting:\n{process.Output}");
            }
            try
            {
                last = await PingAsync(host, port);
                if (last == "+PONG")
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
            {
                last = ex.Message;
            }
            await Task.Delay(50);
        }
        var source = process is null ? $"{EnvironmentVariable}={endpoint}" : $"redis-server on port {port}";
        throw new InvalidOperationException($"{source} did not answer PING within {StartTimeout.TotalSeconds} s (last: {last}).\n{process?.Output}");
    }

    private static async Task<string> PingAsync(string host, int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await client.ConnectAsync(host, port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
    }
}
