using System.Text.Json;
using NetwerkLive.BrowserTests.Infrastructure;
using NetwerkLive.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// A real coturn and a server of its own that sends every call through it: TURN at coturn's address, coturn's
/// secret, <c>Video:IceTransportPolicy=relay</c>. The shared browser test server has no ICE servers (direct on
/// loopback), so this one is apart.
/// </summary>
public sealed class RelayedCallServer : IDisposable
{
    public RelayedCallServer()
    {
        Turn = TurnServer.Start();
        Server = new BrowserServerFactory(new Dictionary<string, string>
        {
            ["Video:IceServers:0:Urls:0"] = Turn.Url,
            ["Video:TurnSecret"] = Turn.Secret,
            ["Video:IceTransportPolicy"] = "relay",
        });
        BaseAddress = Server.StartOnLoopback();
    }

    public TurnServer Turn { get; }

    public BrowserServerFactory Server { get; }

    public Uri BaseAddress { get; }

    public void Dispose()
    {
        Server.Dispose();
        Turn.Dispose();
    }
}

/// <summary>
/// The call forced through TURN, as for people behind a corporate firewall or a symmetric NAT, or an event that
/// hides attendees' addresses from each other: the browsers get coturn and a credential of their own from the
/// server, gather only relay candidates, and the media flows through coturn.
/// </summary>
[Collection(BreakoutSuite.Name)]
public sealed class RelayedCallTests(BrowserFixture fixture, RelayedCallServer relayed, ITestOutputHelper output)
    : BrowserTest(fixture, output, relayed.BaseAddress), IClassFixture<RelayedCallServer>
{
    // For each open peer connection: the selected candidate pair's two ends, as the browser's own statistics
    // say, and the ICE configuration the page gave the connection.
    private const string SelectedPairs = """
        async () => Promise.all(window.__callProbe.connections.filter(pc => pc.connectionState === "connected").map(async pc => {
          const stats = await pc.getStats();
          const byId = new Map();
          stats.forEach(s => byId.set(s.id, s));
          let pair = null;
          stats.forEach(s => { if (s.type === "transport" && s.selectedCandidatePairId) pair = byId.get(s.selectedCandidatePairId); });
          const local = pair && byId.get(pair.localCandidateId);
          const remote = pair && byId.get(pair.remoteCandidateId);
          const config = pc.getConfiguration();
          return {
            local: local?.candidateType ?? null, localPort: local?.port ?? 0,
            remote: remote?.candidateType ?? null, remotePort: remote?.port ?? 0,
            bytesReceived: pair?.bytesReceived ?? 0,
            policy: config.iceTransportPolicy,
            turnUsers: (config.iceServers ?? []).map(s => s.username ?? ""),
          };
        }))
        """;

    private readonly ITestOutputHelper _output = output;
    private readonly TurnServer _turn = relayed.Turn;

    [Fact]
    public async Task APairWhoseCallIsForcedThroughCoturnSeesEachOtherOverRelayCandidatesOnly()
    {
        var ev = await Scene.CreateEventAsync(meetingUrlTemplate: null);
        var opening = HostConsole.OpenAsync(Scene, ev);
        var ann = await CallProbe.JoinAsync(Scene, ev, Person.Ann);
        var bram = await CallProbe.JoinAsync(Scene, ev, Person.Bram);
        var host = await opening;

        await host.StartRoundAsync(groupSize: 2);

        foreach (var page in new[] { ann, bram })
        {
            // Media flows: the partner's video shows a picture and its decoded frames keep growing.
            await CallProbe.ExpectPlayingAsync(page, partners: 1);
            var pair = SelectedPair.From(Assert.Single((await page.Page.EvaluateAsync<JsonElement>(SelectedPairs)).EnumerateArray()));
            _output.WriteLine($"{page}: {pair}");
            Assert.Equal("relay", pair.Policy);
            // The credential the page used is the server's, issued in this attendee's name ("expiry:attendeeId").
            Assert.EndsWith(":" + page.AttendeeId, Assert.Single(pair.TurnUsers), StringComparison.Ordinal);
            // Both ends of the pair in use are relays on this coturn: nothing goes directly between the browsers.
            Assert.Equal(("relay", "relay"), (pair.Local, pair.Remote));
            Assert.InRange(pair.LocalPort, _turn.RelayFrom, _turn.RelayTo);
            Assert.InRange(pair.RemotePort, _turn.RelayFrom, _turn.RelayTo);
            Assert.True(pair.BytesReceived > 0, $"Nothing was received over the relayed pair: {pair}");
        }
    }

    private sealed record SelectedPair(string? Local, int LocalPort, string? Remote, int RemotePort, long BytesReceived, string? Policy, string[] TurnUsers)
    {
        public static SelectedPair From(JsonElement e) => new(
            e.GetProperty("local").GetString(), e.GetProperty("localPort").GetInt32(),
            e.GetProperty("remote").GetString(), e.GetProperty("remotePort").GetInt32(),
            e.GetProperty("bytesReceived").GetInt64(), e.GetProperty("policy").GetString(),
            [.. e.GetProperty("turnUsers").EnumerateArray().Select(u => u.GetString() ?? "")]);

        public override string ToString() =>
            $"{Local}:{LocalPort} <-> {Remote}:{RemotePort}, {BytesReceived} bytes received, policy {Policy}, TURN users {string.Join(", ", TurnUsers)}";
    }
}
