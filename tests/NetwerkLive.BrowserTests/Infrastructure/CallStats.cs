using System.Text.Json;
using Microsoft.Playwright;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// What a page's breakout call sends and receives, read from WebRTC's own statistics (getStats) of every
/// peer connection the page made (kept by <see cref="CallProbe"/>, which must be installed on the page).
/// </summary>
public static class CallStats
{
    // Summed over the page's open peer connections: totalAudioEnergy grows only while sound above silence
    // arrives (a muted track sends silence, still in packets); framesSent counts video frames encoded and sent.
    private const string Read = """
        async () => {
          const totals = { inboundAudioEnergy: 0, inboundFramesDecoded: 0, outboundAudioPackets: 0, outboundFramesSent: 0 };
          for (const pc of window.__callProbe.connections) {
            if (pc.connectionState === "closed") continue;
            (await pc.getStats()).forEach((r) => {
              if (r.type === "inbound-rtp" && r.kind === "audio") totals.inboundAudioEnergy += r.totalAudioEnergy ?? 0;
              if (r.type === "inbound-rtp" && r.kind === "video") totals.inboundFramesDecoded += r.framesDecoded ?? 0;
              if (r.type === "outbound-rtp" && r.kind === "audio") totals.outboundAudioPackets += r.packetsSent ?? 0;
              if (r.type === "outbound-rtp" && r.kind === "video") totals.outboundFramesSent += r.framesSent ?? 0;
            });
          }
          return totals;
        }
        """;

    public static async Task<Totals> ReadAsync(IPage page)
    {
        var totals = await page.EvaluateAsync<JsonElement>(Read);
        double Of(string name) => totals.GetProperty(name).GetDouble();
        return new(Of("inboundAudioEnergy"), Of("inboundFramesDecoded"), Of("outboundAudioPackets"), Of("outboundFramesSent"));
    }

    /// <summary>
    /// Waits (up to the expect timeout) until <paramref name="measure"/> grows by more than
    /// <paramref name="atLeast"/> over one second (growing) or by no more than it (stopped); returns how much
    /// it grew in the last window. A rate needs a window of real time: the media flows in the browser, not on a
    /// clock a test can move.
    /// </summary>
    public static async Task<double> WaitUntilRateAsync(IPage page, Func<Totals, double> measure, bool growing, double atLeast)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeouts.Expect);
        double grew;
        do
        {
            var before = measure(await ReadAsync(page));
            await page.WaitForTimeoutAsync(1000);
            grew = measure(await ReadAsync(page)) - before;
            if (growing ? grew > atLeast : grew <= atLeast)
            {
                return grew;
            }
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"After {Timeouts.Expect / 1000} s the measure still grew by {grew} in a second; expected it to " +
            (growing ? $"grow by more than {atLeast}." : $"grow by no more than {atLeast}."));
        return grew;
    }

    public sealed record Totals(double InboundAudioEnergy, double InboundFramesDecoded, double OutboundAudioPackets, double OutboundFramesSent);
}
