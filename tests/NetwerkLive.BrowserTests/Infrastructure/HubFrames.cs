using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// Sits between a page and the hub (Playwright's WebSocket routing) and passes every frame on, noting what the
/// page sent; it can hold back the page's <c>BreakoutStarted</c> until a <c>CallSignal</c> has reached the page: the order
/// in which a partner on another node (whose signal goes through Redis, while our node is still sending the
/// assignment) can make them arrive. Only the order changes; nothing is made up or dropped.
/// </summary>
public sealed class HubFrames
{
    private readonly Lock _gate = new();
    private readonly List<IWebSocketFrame> _held = [];
    private readonly List<IWebSocketFrame> _sent = [];
    private readonly List<IWebSocketRoute> _routes = [];
    private readonly TaskCompletionSource _reconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _holding;

    /// <summary>True once a BreakoutStarted was held back and a CallSignal went past it.</summary>
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
    public void HoldBreakoutStartedUntilACallSignal()
    {
        lock (_gate)
        {
            _holding = true;
        }
    }

    /// <summary>Completes when the held BreakoutStarted has been passed on after a CallSignal.</summary>
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

    private void FromServer(IWebSocketRoute page, IWebSocketFrame frame)
    {
        lock (_gate)
        {
            if (_holding && Contains(frame, "BreakoutStarted"))
            {
                _held.Add(frame);
                return;
            }
            Send(page, frame);
            if (_held.Count > 0 && Contains(frame, "CallSignal"))
            {
                _held.ForEach(held => Send(page, held));
                _held.Clear();
                _holding = false;
                Reordered = true;
                _released.TrySetResult();
            }
        }
    }

    private static void Send(IWebSocketRoute page, IWebSocketFrame frame)
    {
        if (frame.Binary is { } binary)
        {
            page.Send(binary);
        }
        else
        {
            page.Send(frame.Text ?? "");
        }
    }

    // MessagePack frames carry the method name as a UTF-8 string; JSON frames as text.
    private static bool Contains(IWebSocketFrame frame, string method) =>
        frame.Binary is { } binary
            ? binary.AsSpan().IndexOf(Encoding.UTF8.GetBytes(method)) >= 0
            : frame.Text?.Contains(method, StringComparison.Ordinal) == true;
}
