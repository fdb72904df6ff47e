using Microsoft.Playwright;
using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// The README's pictures, as the association's members see the room: in Dutch, on a phone and on a
/// desktop. Run with NETWERKLIVE_SCREENSHOT_DIR set to the repository's docs folder (an absolute path) to refresh them (see <see cref="Screenshots"/>).
/// </summary>
[Collection(BreakoutSuite.Name)]
public sealed class ReadmeScreenshotTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task TheRoomABreakoutAndTheHostsOverviewInDutchOnAPhoneAndOnADesktop()
    {
        // The default way breakouts meet: the call in the page, no external link.
        var ev = await Scene.CreateEventAsync("Bedrijvenkring Zuid live", Scene.EmbeddedLivestream, meetingUrlTemplate: null);
        var host = await HostConsole.OpenAsync(Scene, ev, language: "nl-NL");
        var desktop = await RoomPage.JoinAsync(Scene, ev, Person.Ann, language: "nl-NL");
        var phone = await RoomPage.JoinAsync(Scene, ev, Person.Dewi, PhoneScreen.Size, phone: true, language: "nl-NL");
        var others = await RoomPage.JoinAllAsync(Scene, ev, Person.Bram, Person.Chris);
        await desktop.SendChatAsync("Goedemiddag allemaal! Leuk dat jullie er zijn.");
        await others[0].SendChatAsync("Hallo! Bram van Vitens, ik zoek mensen die met data werken.");
        await phone.SendChatAsync("Dewi hier, van Smit Advies. Wie komt er uit Eindhoven?");
        await others[1].SendChatAsync("Ik! Chris van Bakkerij Bakker.");
        await host.ByTestId("announce-input").FillAsync("Om 15:30 beginnen de ont-moetingen: zet 'Open voor netwerken' aan.");
        await host.ByTestId("announce-send").ClickAsync();
        foreach (var page in new[] { desktop, phone })
        {
            await Expect(page.ByTestId("announcement")).ToBeVisibleAsync();
            await Expect(page.ChatItems).ToHaveCountAsync(4);
            await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        }
        await Screenshots.SaveAsync(desktop.Page, "room");
        await Screenshots.SaveAsync(phone.Page, "room-phone");

        await host.StartRoundAsync();
        foreach (var (page, line) in new[] { (desktop, "Hoi! Ik zie je goed."), (phone, "Ik jou ook. Waar werk je?") })
        {
            await Expect(page.BreakoutPartners).ToHaveCountAsync(1);
            await Expect(page.ByTestId("breakout-title")).ToHaveTextAsync("Jouw ont-moeting");
            await page.SendBreakoutChatAsync(line);
        }
        // The picture shows the call as people see it: the partner's video playing, not "connecting".
        foreach (var page in new[] { desktop, phone })
        {
            await page.Page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('[data-testid=\"breakout-video-remote\"]')].some(v => v.videoWidth > 0 && !v.paused)",
                null, new() { PollingInterval = 100, Timeout = 45_000 });
            await Expect(page.BreakoutPanel.Locator("figure[data-state=connected]")).ToHaveCountAsync(1);
        }
        foreach (var page in new[] { desktop, phone })
        {
            // The top of the panel (who, how long, the call), not the chat field the last line was typed in.
            await page.Page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        }
        await Screenshots.SaveAsync(desktop.Page, "breakout");
        await Screenshots.SaveAsync(phone.Page, "breakout-phone");

        // The host's side of the same moment: the live overview of both pairs, in Dutch, with the counters above it.
        await Expect(host.Groups).ToHaveCountAsync(2);
        await Expect(host.ByTestId("host-breakouts")).ToContainTextAsync("in de groep");
        await host.Page.SetViewportSizeAsync(1280, 1000);
        // From the top, so the counters are in the picture whatever else the page holds (the overview's height varies).
        await host.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.SaveAsync(host.Page, "host");
        await PhoneScreen.AssertNoHorizontalScrollAsync(phone.Page, "Dutch room");
    }
}
