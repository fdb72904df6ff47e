using System.Net.Sockets;

namespace NetwerkLive.LoadTests.Hosting;

/// <summary>For <c>--redis auto</c>: a throwaway redis-server from PATH on a free port, no persistence.</summary>
internal sealed class RedisServer(ChildProcess process, string endpoint) : IAsyncDisposable
{
    public string Endpoint { get; } = endpoint;

    public static async Task<RedisServer> StartAsync(TimeSpan timeout, CancellationToken ct)
    {
        var port = FreePort.Next();
        var process = ChildProcess.Start("redis", "redis-server",
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            new Dictionary<string, string>());
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await process.DisposeAsync();
                throw new InvalidOperationException($"redis-server did not start on port {port}:{Environment.NewLine}{process.Tail()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, ct);
                return new RedisServer(process, $"127.0.0.1:{port}");
            }
            catch (SocketException)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
