using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace NetwerkLive.Tests.Infrastructure;

/// <summary>
/// A real coturn (Debian's <c>turnserver</c>, installed by ./build.sh) on loopback, for the tests that prove TURN
/// credentials and relayed calls end to end: its own free port, a relay port range, a fresh shared secret and
/// the TURN REST API check (<c>use-auth-secret</c>). Loopback peers are allowed (every peer in a test is on
/// 127.0.0.1, which coturn refuses by default). Dispose stops it. Also linked into the browser tests.
/// </summary>
public sealed class TurnServer : IDisposable
{
    public const string Realm = "netwerklive.test";

    private readonly Process _process;
    private readonly List<string> _log = [];
    private int _disposed;

    private TurnServer(Process process, int port, string secret, int relayFrom, int relayTo)
    {
        _process = process;
        Port = port;
        Secret = secret;
        RelayFrom = relayFrom;
        RelayTo = relayTo;
    }

    /// <summary>The UDP ports coturn relays on (min-port to max-port): a relay candidate of this coturn has one of them.</summary>
    public int RelayFrom { get; }

    public int RelayTo { get; }

    /// <summary>Where it listens (UDP and TCP) on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>coturn's static-auth-secret: give the same to the server as Video:TurnSecret.</summary>
    public string Secret { get; }

    /// <summary>The URL for Video:IceServers, over UDP.</summary>
    public string Url => $"turn:127.0.0.1:{Port}?transport=udp";

    /// <summary>What coturn wrote so far, for a failing test's message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log.TakeLast(40));
            }
        }
    }

    public static TurnServer Start()
    {
        var port = FreePort();
        // The relay range: 40 ports below Linux's ephemeral range, somewhere else each run, so two test projects
        // with a coturn each rarely share one (coturn tries another port of its range when one is taken).
        var relayFrom = RandomNumberGenerator.GetInt32(20_000, 30_000);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("turnserver")
            {
                ArgumentList =
                {
                    "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", $"--listening-port={port}",
                    $"--min-port={relayFrom}", $"--max-port={relayFrom + 39}",
                    "--use-auth-secret", $"--static-auth-secret={secret}", $"--realm={Realm}",
                    "--allow-loopback-peers", "--no-tls", "--no-dtls", "--no-cli", "--fingerprint",
                    "--log-file=stdout", "--simple-log",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("turnserver did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                "These tests need coturn's turnserver. Install it (sudo apt-get install -y coturn) or run ./build.sh test as root, which installs it.", ex);
        }
        var server = new TurnServer(process, port, secret, relayFrom, relayFrom + 39);
        // Never left behind by a test run that ends without disposing it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (LocalServerProcess.WaitUntilListening(process, port) is { } problem)
        {
            server.Dispose();
            throw new InvalidOperationException($"turnserver {problem}:\n{server.Log}");
        }
        return server;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.Add(line);
        }
    }

    /// <summary>A loopback port free for both TCP and UDP right now (coturn listens on both).</summary>
    private static int FreePort()
    {
        while (true)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken for UDP: another one.
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
