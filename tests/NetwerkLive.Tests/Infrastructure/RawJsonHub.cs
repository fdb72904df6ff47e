using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using NetwerkLive.Contracts;

namespace NetwerkLive.Tests.Infrastructure;

/// <summary>
/// The event hub over a bare WebSocket speaking the JSON hub protocol, frame by frame, for tests of the order in
/// which the server writes (the .NET client handles pushes on a loop apart from answers, so it cannot tell).
/// </summary>
public sealed class RawJsonHub : IDisposable
{
    private const char RecordSeparator = '\u001e';

    private readonly WebSocket _socket;
    private readonly Queue<string> _received = new();

    private RawJsonHub(WebSocket socket) => _socket = socket;

    /// <summary>Connects with <paramref name="token"/> and completes the handshake.</summary>
    public static async Task<RawJsonHub> ConnectAsync(NetwerkLiveFactory factory, string token)
    {
        var socket = await factory.Server.CreateWebSocketClient()
            .ConnectAsync(new Uri($"ws://localhost{HubRoutes.Event}?access_token={Uri.EscapeDataString(token)}"), CancellationToken.None);
        var hub = new RawJsonHub(socket);
        await hub.SendAsync("""{"protocol":"json","version":1}""");
        var handshake = await hub.ReceiveAsync();
        Assert.True(handshake == "{}", $"The handshake was refused: {handshake}");
        return hub;
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next frame the server wrote that is not a ping.</summary>
    public async Task<JsonElement> NextAsync()
    {
        while (true)
        {
            var frame = JsonDocument.Parse(await ReceiveAsync()).RootElement;
            if (frame.GetProperty("type").GetInt32() != 6)
            {
                return frame;
            }
        }
    }

    /// <summary>One frame (a WebSocket message may hold several, each ended by the record separator).</summary>
    private async Task<string> ReceiveAsync()
    {
        if (_received.TryDequeue(out var waiting))
        {
            return waiting;
        }
        using var timeout = new CancellationTokenSource(Inbox<object>.DefaultTimeout);
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);
        foreach (var frame in text.ToString().Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            _received.Enqueue(frame);
        }
        return _received.Dequeue();
    }

    public void Dispose() => _socket.Dispose();
}
