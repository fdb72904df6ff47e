using NetwerkLive.BrowserTests.Infrastructure;
using NetwerkLive.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// A server of its own that warns 1 min 58 s before a group ends (<c>Breakouts:WarningBefore</c>), so a
/// two-minute round sends its <c>BreakoutEnding</c> two seconds after it starts instead of after a minute.
/// </summary>
public sealed class EarlyWarningServer : IDisposable
{
    public EarlyWarningServer()
    {
        Server = new BrowserServerFactory(new Dictionary<string, string> { ["Breakouts:WarningBefore"] = "00:01:58" });
        BaseAddress = Server.StartOnLoopback();
    }

    public BrowserServerFactory Server { get; }

    public Uri BaseAddress { get; }

    public void Dispose() => Server.Dispose();
}

/// <summary>The warning before a breakout ends (docs/web-client.md, "The breakout moment"): it says how long is left.</summary>
[Collection(RoomSuite.Name)]
public sealed class BreakoutEndingTests(BrowserFixture fixture, EarlyWarningServer server, ITestOutputHelper output)
    : BrowserTest(fixture, output, server.BaseAddress), IClassFixture<EarlyWarningServer>
{
    [Fact]
    public async Task TheWarningBeforeABreakoutEndsSaysHowLongIsLeftInEachPersonsLanguage()
    {
        var ev = await Scene.CreateEventAsync(meetingMode: MeetingModes.External);
        var opening = HostConsole.OpenAsync(Scene, ev);
        var ann = await RoomPage.JoinAsync(Scene, ev, Person.Ann, PhoneScreen.Size, phone: true, "nl-NL");
        var bram = await RoomPage.JoinAsync(Scene, ev, Person.Bram);
        var host = await opening;

        await host.StartRoundAsync(minutes: 2);

        // Warned with 1:58 left: two minutes, not the "one more minute" of the default warning time.
        await Expect(ann.ByTestId("breakout-notice")).ToHaveTextAsync("Nog 2 minuten.");
        await Expect(ann.ByTestId("moment-announcer")).ToHaveTextAsync("Nog 2 minuten met Bram Jansen.");
        await Expect(bram.ByTestId("breakout-notice")).ToHaveTextAsync("2 more minutes.");
        await Expect(bram.ByTestId("moment-announcer")).ToHaveTextAsync("2 more minutes with Ann de Vries.");
    }
}
