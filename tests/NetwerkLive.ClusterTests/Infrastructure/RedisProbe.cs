using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace NetwerkLive.ClusterTests.Infrastructure;

/// <summary>
/// One Redis command from the test itself, over a connection of its own: to read what the cluster stored,
/// or to hold a key the nodes compete for. Key names are the ones docs/redis.md lists. Enough RESP for
/// the replies these tests need (simple strings, integers, bulk strings, nil); an error reply throws.
/// </summary>
public static class RedisProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The reply as text: a simple or bulk string, an integer's digits, or null for nil.</summary>
    public static async Task<string?> ExecuteAsync(string endpoint, params string[] command)
    {
        var separator = endpoint.LastIndexOf(':');
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(Timeout);
        await client.ConnectAsync(endpoint[..separator], int.Parse(endpoint[(separator + 1)..], CultureInfo.InvariantCulture), timeout.Token);
        var stream = client.GetStream();
        var request = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{command.Length}\r\n");
        foreach (var part in command)
        {
            request.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
        }
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), timeout.Token);

        var reply = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                throw new IOException($"Redis at {endpoint} closed the connection before answering {command[0]}.");
            }
            reply.AddRange(buffer.AsSpan(0, read));
            if (TryParse(reply, out var value))
            {
                return value;
            }
        }
    }

    private static bool TryParse(List<byte> reply, out string? value)
    {
        value = null;
        var text = Encoding.UTF8.GetString([.. reply]);
        var lineEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
        if (lineEnd < 0)
        {
            return false;
        }
        var header = text[1..lineEnd];
        switch (text[0])
        {
            case '+' or ':':
                value = header;
                return true;
            case '-':
                throw new InvalidOperationException($"Redis answered an error: {header}");
            case '$':
                var length = int.Parse(header, CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return true;
                }
                var body = reply.Skip(Encoding.UTF8.GetByteCount(text[..(lineEnd + 2)])).ToArray();
                if (body.Length < length + 2)
                {
                    return false;
                }
                value = Encoding.UTF8.GetString(body, 0, length);
                return true;
            default:
                throw new NotSupportedException($"RedisProbe does not read replies of type '{text[0]}'.");
        }
    }
}
