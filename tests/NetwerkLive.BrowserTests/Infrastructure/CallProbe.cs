using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// The breakout call seen from outside the app: an init script keeps every RTCPeerConnection the page makes and
/// every stream getUserMedia gives it, and notes when the breakout panel was shown (the page shows it while
/// handling BreakoutStarted) and when each partner's video presented its first frame. The tests read media from
/// the browser's own WebRTC statistics (getStats), not from anything the app says about itself.
/// </summary>
public static class CallProbe
{
    /// <summary>
    /// How long media may take to flow: a camera starting and video being encoded and decoded in several pages
    /// need far more CPU than the rest of a page, and the full suite runs two collections at once on two cores.
    /// A passing wait returns as soon as it holds.
    /// </summary>
    public const float MediaTimeout = 2 * Timeouts.Expect;

    private const string Script = """
        (() => {
          const probe = { connections: [], streams: [], shownAt: [], firstFrame: {}, offers: 0, mediaAt: [], connectedAt: [] };
          Object.defineProperty(window, "__callProbe", { value: probe });
          const Native = window.RTCPeerConnection;
          const setLocalDescription = Native.prototype.setLocalDescription;
          Native.prototype.setLocalDescription = async function (...args) {
            await setLocalDescription.apply(this, args);
            if (this.signalingState === "have-local-offer") probe.offers++;
          };
          window.RTCPeerConnection = class extends Native {
            constructor(...args) {
              super(...args);
              probe.connections.push(this);
              this.addEventListener("connectionstatechange", () => { if (this.connectionState === "connected") probe.connectedAt.push(performance.now()); });
            }
          };
          const devices = navigator.mediaDevices;
          if (devices) {
            const getUserMedia = devices.getUserMedia.bind(devices);
            devices.getUserMedia = async (constraints) => {
              const stream = await getUserMedia(constraints);
              probe.streams.push(stream);
              probe.mediaAt.push(performance.now());
              return stream;
            };
          }
          const watch = (video) => {
            if (video.__probed) return;
            video.__probed = true;
            const id = video.dataset.attendeeId;
            const note = () => { if (!(id in probe.firstFrame)) probe.firstFrame[id] = performance.now(); };
            video.requestVideoFrameCallback(note);
          };
          new MutationObserver(() => {
            const panel = document.querySelector('[data-testid="breakout-panel"]');
            const shown = panel && !panel.hidden;
            if (shown && !probe.panelShown) probe.shownAt.push(performance.now());
            probe.panelShown = shown;
            document.querySelectorAll('[data-testid="breakout-video-remote"]').forEach(watch);
          }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["hidden"] });
        })();
        """;

    // framesDecoded of the inbound video of every connection that is not closed, by connection.
    private const string FramesDecoded = """
        async () => {
          const open = window.__callProbe.connections.filter(pc => pc.connectionState !== "closed");
          return Promise.all(open.map(async pc => {
            let frames = 0;
            (await pc.getStats()).forEach(s => { if (s.type === "inbound-rtp" && s.kind === "video") frames += s.framesDecoded ?? 0; });
            return frames;
          }));
        }
        """;

    /// <summary>Installs the probe on a page before it opens the app.</summary>
    public static Task InstallAsync(IPage page) => page.AddInitScriptAsync(Script);

    /// <summary>Opens a browser for <paramref name="person"/> with the probe installed and joins the event.</summary>
    public static async Task<RoomPage> JoinAsync(Scene scene, EventLinks ev, Person person) =>
        (await JoinWithFramesAsync(scene, ev, person, routeFrames: false)).Page;

    /// <summary>
    /// As <see cref="JoinAsync"/>; with <paramref name="routeFrames"/> the page's hub connection also goes through
    /// a <see cref="HubFrames"/> the test can use to reorder what the page receives.
    /// </summary>
    public static async Task<(RoomPage Page, HubFrames? Frames)> JoinWithFramesAsync(Scene scene, EventLinks ev, Person person, bool routeFrames)
    {
        var page = await scene.OpenBrowserAsync(person.Name);
        await InstallAsync(page);
        var frames = routeFrames ? await HubFrames.InstallAsync(page) : null;
        return (await RoomPage.JoinOnAsync(page, ev, person), frames);
    }

    /// <summary>
    /// The call is on with <paramref name="partners"/> partners: as many partner videos, each showing a picture
    /// (videoWidth &gt; 0), as many open peer connections, and each one's decoded video frames still growing.
    /// </summary>
    public static async Task ExpectPlayingAsync(RoomPage page, int partners)
    {
        var remote = page.BreakoutPanel.GetByTestId("breakout-video-remote");
        await Expect(remote).ToHaveCountAsync(partners, new() { Timeout = MediaTimeout });
        await page.Page.WaitForFunctionAsync(
            "n => { const v = [...document.querySelectorAll('[data-testid=\"breakout-video-remote\"]')];" +
            " return v.length === n && v.every(x => x.videoWidth > 0 && !x.paused); }",
            partners, new() { PollingInterval = 100, Timeout = MediaTimeout });
        var before = await page.Page.EvaluateAsync<int[]>(FramesDecoded);
        Assert.Equal(partners, before.Length);
        // Growing, not just there: every connection decodes more frames than a moment ago.
        await page.Page.WaitForFunctionAsync(
            $"async before => {{ const now = await ({FramesDecoded})(); return now.length === before.length && now.every((f, i) => f > before[i] + 5); }}",
            before, new() { PollingInterval = 200, Timeout = MediaTimeout });
    }

    /// <summary>
    /// The call is over: every camera and microphone track the page got has ended (the camera's light is off),
    /// every peer connection is closed, and no partner video is left.
    /// </summary>
    public static async Task ExpectHungUpAsync(RoomPage page)
    {
        await Expect(page.BreakoutPanel.GetByTestId("breakout-video-remote")).ToHaveCountAsync(0);
        await page.Page.WaitForFunctionAsync("""
            () => {
              const p = window.__callProbe;
              return p.streams.length > 0 && p.connections.length > 0
                && p.streams.every(s => s.getTracks().every(t => t.readyState === "ended"))
                && p.connections.every(pc => pc.connectionState === "closed");
            }
            """, null, new() { PollingInterval = 100, Timeout = MediaTimeout });
    }

    /// <summary>How many offers the page made (every setLocalDescription that left a connection with a local offer).</summary>
    public static Task<int> OffersAsync(RoomPage page) => page.Page.EvaluateAsync<int>("() => window.__callProbe.offers");

    /// <summary>The page opened exactly <paramref name="opened"/> peer connections and has <paramref name="closed"/> of them closed.</summary>
    public static async Task ExpectConnectionCountAsync(RoomPage page, int opened, int closed)
    {
        var counts = await page.Page.EvaluateAsync<int[]>(
            "() => { const c = window.__callProbe.connections; return [c.length, c.filter(pc => pc.connectionState === \"closed\").length]; }");
        Assert.Equal([opened, closed], counts);
    }

    /// <summary>At least <paramref name="count"/> of the page's peer connections are closed (replaced, or hung up).</summary>
    public static Task ExpectClosedConnectionsAsync(RoomPage page, int count) =>
        page.Page.WaitForFunctionAsync(
            "n => window.__callProbe.connections.filter(pc => pc.connectionState === \"closed\").length >= n",
            count, new() { PollingInterval = 100, Timeout = MediaTimeout });

    /// <summary>
    /// Milliseconds from the latest showing of the breakout panel (BreakoutStarted) to the camera and microphone
    /// given, to the first peer connection connected, and to each partner video's first frame, in words.
    /// </summary>
    public static async Task<string> TimingsAsync(RoomPage page)
    {
        var times = await page.Page.EvaluateAsync<double[][]>("""
            () => {
              const p = window.__callProbe;
              const shown = p.shownAt[p.shownAt.length - 1];
              const after = list => list.filter(t => t >= shown).map(t => t - shown);
              return [after(p.mediaAt).slice(0, 1), after(p.connectedAt).slice(0, 1), after(Object.values(p.firstFrame))];
            }
            """);
        return $"camera and microphone {Format(times[0])}; connected {Format(times[1])}; partner's first frame {Format(times[2])}";
    }

    private static string Format(IEnumerable<double> times) =>
        string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture) + " ms"));
}
