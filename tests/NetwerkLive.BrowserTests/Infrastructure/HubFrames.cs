using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// Sits between a page and the hub (Playwright's WebSocket routing) and passes every frame on, noting what the
/// page sent; it can hold back one kind of frame until another has reached the page, as a busy server or a
/// partner on another node can order them: a <c>BreakoutStarted</c> after a <c>CallSignal</c> (the signal went through
/// Redis while our node was still sending the assignment), or Join()'s answer after a presence push (another
/// person joined while this Join() was still running). Only the order changes; nothing is made up or dropped.
/// </summary>
public sealed class HubFrames
{
    private readonly Lock _gate = new();
    private readonly List<HubMessage> _held = [];
    private readonly List<IWebSocketFrame> _sent = [];
    private readonly List<IWebSocketRoute> _routes = [];
    private readonly TaskCompletionSource _reconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _holdMarker;
    private string? _releaseMarker;

    /// <summary>True once a held frame was passed on after the frame it waited for.</summary>
    public bool Reordered { get; private set; }

    /// <summary>Routes the page's hub connection through a new <see cref="HubFrames"/>; call before the page opens the app.</summary>
    public static async Task<HubFrames> InstallAsync(IPage page)
    {
        var frames = new HubFrames();
        await page.RouteWebSocketAsync(new Regex("/hubs/event"), route =>
        {
            lock (frames._gate)
            {
                frames._routes.Add(route);
                if (frames._routes.Count == 2)
                {
                    frames._reconnected.TrySetResult();
                }
            }
            var server = route.ConnectToServer();
            route.OnMessage(frame => frames.FromPage(server, frame));
            server.OnMessage(frame => frames.FromServer(route, frame));
        });
        return frames;
    }

    /// <summary>From now on, a BreakoutStarted waits until a CallSignal has been passed to the page.</summary>
    public void HoldBreakoutStartedUntilACallSignal() => HoldUntil("BreakoutStarted", "CallSignal");

    /// <summary>
    /// From now on, frames from the server that contain <paramref name="held"/> (a method's name, or a text only that
    /// answer carries) wait until a frame containing <paramref name="releasedBy"/> has been passed to the page.
    /// </summary>
    public void HoldUntil(string held, string releasedBy)
    {
        lock (_gate)
        {
            (_holdMarker, _releaseMarker) = (held, releasedBy);
        }
    }

    /// <summary>Completes when the first frame has been held back.</summary>
    public Task Holding => _holding.Task;

    /// <summary>Completes when the held frames have been passed on after the frame they waited for.</summary>
    public Task Released => _released.Task;

    /// <summary>Completes when the page opened its second hub connection (it reconnected).</summary>
    public Task Reconnected => _reconnected.Task;

    /// <summary>Closes the page's current hub connection as a network drop would (code 1006 is not allowed from here: 1001, going away).</summary>
    public Task DropConnectionAsync()
    {
        IWebSocketRoute current;
        lock (_gate)
        {
            current = _routes[^1];
        }
        return current.CloseAsync(new() { Code = 1001, Reason = "test: connection dropped" });
    }

    /// <summary>How many frames the page sent that invoke <paramref name="method"/>.</summary>
    public int SentCount(string method)
    {
        lock (_gate)
        {
            return _sent.Count(frame => Contains(frame, method));
        }
    }

    private void FromPage(IWebSocketRoute server, IWebSocketFrame frame)
    {
        lock (_gate)
        {
            _sent.Add(frame);
            Send(server, frame);
        }
    }

    // Frame by frame would not do: the server may write several messages into one frame (a push and Join()'s
    // answer, say), and holding the frame would move the push too. Each message is judged and sent on its own.
    private void FromServer(IWebSocketRoute page, IWebSocketFrame frame)
    {
        lock (_gate)
        {
            foreach (var message in HubMessage.Split(frame))
            {
                if (_holdMarker is not null && message.Contains(_holdMarker))
                {
                    _held.Add(message);
                    _holding.TrySetResult();
                    continue;
                }
                message.SendTo(page);
                if (_held.Count > 0 && message.Contains(_releaseMarker!))
                {
                    _held.ForEach(held => held.SendTo(page));
                    _held.Clear();
                    _holdMarker = null;
                    Reordered = true;
                    _released.TrySetResult();
                }
            }
        }
    }

    private static void Send(IWebSocketRoute route, IWebSocketFrame frame)
    {
        if (frame.Binary is { } binary)
        {
            route.Send(binary);
        }
        else
        {
            route.Send(frame.Text ?? "");
        }
    }

    private static bool Contains(IWebSocketFrame frame, string marker) =>
        HubMessage.Split(frame).Any(message => message.Contains(marker));

    /// <summary>
    /// One hub message: in MessagePack each carries a VarInt length before it; in JSON each ends with the record
    /// separator 0x1E (as does the handshake's answer on either). Names and texts are in it as UTF-8 (MessagePack) or as text (JSON).
    /// </summary>
    private sealed record HubMessage(byte[]? Binary, string? Text)
    {
        public static IEnumerable<HubMessage> Split(IWebSocketFrame frame)
        {
            if (frame.Binary is not { } binary)
            {
                return (frame.Text ?? "").Split('\u001e', StringSplitOptions.RemoveEmptyEntries)
                    .Select(text => new HubMessage(null, text + '\u001e'));
            }
            if (binary is [(byte)'{', .., 0x1e])
            {
                return [new HubMessage(binary, null)]; // the handshake's answer, JSON even on a binary connection
            }
            var messages = new List<HubMessage>();
            for (var at = 0; at < binary.Length;)
            {
                var (length, prefix) = (0, 0);
                byte b;
                do
                {
                    b = binary[at + prefix];
                    length |= (b & 0x7f) << (7 * prefix);
                    prefix++;
                }
                while ((b & 0x80) != 0);
                messages.Add(new HubMessage(binary[at..(at + prefix + length)], null));
                at += prefix + length;
            }
            return messages;
        }

        public bool Contains(string marker) =>
            Binary is { } binary
                ? binary.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0
                : Text!.Contains(marker, StringComparison.Ordinal);

        public void SendTo(IWebSocketRoute page)
        {
            if (Binary is { } binary)
            {
                page.Send(binary);
            }
            else
            {
                page.Send(Text!);
            }
        }
    }
}
