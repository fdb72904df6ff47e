using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;
using NetwerkLive.Server.Storage.Redis;

namespace NetwerkLive.Tests.Infrastructure;

/// <summary>
/// The Redis the tests run against, shared by the whole test assembly: the one named by
/// NETWERKLIVE_TEST_REDIS (host:port, set by ./build.sh test), or else a redis-server started here on a free
/// loopback port and stopped when the test process exits. Tests keep apart by a fresh key prefix each
/// (<see cref="NewOptions"/>). When there is no Redis at all, every test that needs one fails saying how to get it.
/// </summary>
public sealed class RedisServer : IDisposable
{
    public const string EnvironmentVariable = "NETWERKLIVE_TEST_REDIS";

    private static readonly Lazy<RedisServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Process? _process;

    private RedisServer(string endPoint, Process? process)
    {
        EndPoint = endPoint;
        _process = process;
    }

    /// <summary>The shared server, started on first use.</summary>
    public static RedisServer Instance => Shared.Value;

    /// <summary>host:port.</summary>
    public string EndPoint { get; }

    /// <summary>
    /// Options for this server under a key prefix no other test uses. The operation timeout is generous
    /// (10 s) unless a test is about timeouts: on a loaded CI machine a healthy call can take seconds.
    /// </summary>
    public RedisOptions NewOptions(TimeSpan? operationTimeout = null) => new()
    {
        ConnectionString = EndPoint,
        KeyPrefix = "test-" + Ids.New(10) + ":",
        OperationTimeout = operationTimeout ?? TimeSpan.FromSeconds(10),
    };

    /// <summary>A new connection (a "node") with its gate, for <paramref name="options"/>.</summary>
    public static (RedisConnection Connection, RedisGate Gate) Connect(RedisOptions options) => (
        new RedisConnection(Options.Create(options), NullLogger<RedisConnection>.Instance),
        new RedisGate(Options.Create(options), NullLogger<RedisGate>.Instance));

    /// <summary>What the Redis stores need beside the connection and gate: the default retention TTLs.</summary>
    public static RedisExpiry Expiry(RedisConnection connection, RedisGate gate) =>
        new(connection, gate, Options.Create(new StorageOptions()));

    private static RedisServer Start()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return new RedisServer(given, process: null);
        }

        var server = Launch();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>
    /// A redis-server of the caller's own (never the shared one), for a test that takes it away to see an outage.
    /// Dispose stops it.
    /// </summary>
    public static RedisServer StartDedicated() => Launch();

    /// <summary>Stops a server this assembly started (an outage, for whoever still uses it); does nothing to a given one.</summary>
    public void Stop()
    {
        if (_process is not null)
        {
            Stop(_process);
        }
    }

    public void Dispose()
    {
        Stop();
        _process?.Dispose();
    }

    private static RedisServer Launch()
    {
        var port = FreePort();
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("redis-server")
            {
                ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"These tests need Redis. Install redis-server (sudo apt-get install -y redis-server) or run ./build.sh test, " +
                $"or set {EnvironmentVariable}=host:port to use a running one.", ex);
        }
        // Drain its output so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (LocalServerProcess.WaitUntilListening(process, port) is { } problem)
        {
            Stop(process);
            throw new InvalidOperationException($"redis-server {problem}.");
        }
        return new RedisServer($"127.0.0.1:{port}", process);
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Whether this assembly started the server itself (for diagnostics).</summary>
    public bool IsOwnProcess => _process is not null;
}
