using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetwerkLive.Tests.Infrastructure;

/// <summary>What the test run's own servers (redis-server, turnserver) share once started.</summary>
public static class LocalServerProcess
{
    /// <summary>
    /// Waits (bounded, 10 s) until a server process just started listens on a loopback TCP port: nothing else
    /// tells when it does, so the port is polled. Null when it listens, else what went wrong.
    /// </summary>
    public static string? WaitUntilListening(Process process, int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (process.HasExited)
            {
                return $"exited at start (code {process.ExitCode}) on port {port}";
            }
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return null;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }
        return $"did not listen on port {port} within 10 seconds";
    }
}
