using System.Text.RegularExpressions;
using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

[Collection(RoomSuite.Name)]
public sealed class LandingPageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task HostCreatesAnEventOnTheLandingPageGetsAHostLinkAndAJoinLinkAndItsBreakoutsMeetOnTheChosenExternalLink()
    {
        var page = await Scene.OpenBrowserAsync("host");
        await page.GotoAsync("/");

        await page.GetByTestId("event-title").FillAsync("Bedrijvenkring Zuid live");
        await page.GetByTestId("livestream-url").FillAsync("https://www.youtube.com/embed/netwerklive-test");
        // In the page is the default; the link field is there only for a choice that uses the link.
        await Expect(page.GetByTestId("meeting-mode-inPage")).ToBeCheckedAsync();
        await Expect(page.GetByTestId("meeting-url-template")).ToBeHiddenAsync();
        await page.GetByTestId("meeting-mode-external").CheckAsync();
        await page.GetByTestId("meeting-url-template").FillAsync("https://meet.jit.si/netwerk-{room}");
        await page.GetByTestId("create-event").ClickAsync();

        var origin = Regex.Escape(Scene.BaseAddress.GetLeftPart(UriPartial.Authority));
        var joinLink = page.GetByTestId("join-link");
        var hostLink = page.GetByTestId("host-link");
        await Expect(joinLink).ToBeVisibleAsync();
        await Expect(hostLink).ToBeVisibleAsync();
        await Expect(joinLink).ToHaveAttributeAsync("href", new Regex($"^{origin}/e/[^/#?]+$"));
        var joinHref = (await joinLink.GetAttributeAsync("href"))!;
        var eventId = joinHref[(joinHref.LastIndexOf('/') + 1)..];
        await Expect(hostLink).ToHaveAttributeAsync("href", new Regex($"^{origin}/e/{Regex.Escape(eventId)}/host#token=[^&]+$"));
        await Expect(page.GetByTestId("copy-join-link")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("copy-host-link")).ToBeVisibleAsync();

        // The host link opens a live host console and takes the token out of the address bar.
        await page.GotoAsync((await hostLink.GetAttributeAsync("href"))!);
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");
        await Expect(page.GetByTestId("event-name")).ToHaveTextAsync("Bedrijvenkring Zuid live");
        await Expect(page.GetByTestId("host-start-round")).ToBeVisibleAsync();
        Assert.DoesNotContain("token=", page.Url, StringComparison.Ordinal);

        // The join link opens the join form of the same event.
        var attendee = await RoomPage.JoinAsync(Scene, new EventLinks(eventId, new Uri(page.Url), new Uri(joinHref)), Person.Ann);
        await Expect(attendee.ByTestId("event-name")).ToHaveTextAsync("Bedrijvenkring Zuid live");
        var livestream = attendee.ByTestId("livestream");
        await Expect(livestream).ToHaveAttributeAsync("src", new Regex("^https://www\\.youtube\\.com/embed/netwerklive-test"));
        Assert.Equal("IFRAME", await livestream.EvaluateAsync<string>("e => e.tagName"));

        // The event keeps the host's choice, and its breakouts meet on the link, with no call in the page.
        Assert.Equal("external", await page.EvaluateAsync<string>("async id => (await (await fetch(`/api/events/${id}`)).json()).meetingMode", eventId));
        var bram = await RoomPage.JoinAsync(Scene, new EventLinks(eventId, new Uri(page.Url), new Uri(joinHref)), Person.Bram);
        await page.GetByTestId("host-start-round").ClickAsync();
        foreach (var (one, other) in new[] { (attendee, bram), (bram, attendee) })
        {
            await Expect(one.BreakoutPanel.GetByTestId("meeting-link")).ToHaveAttributeAsync("href", new Regex(@"^https://meet\.jit\.si/netwerk-\S+$"));
            await Expect(one.Partner(other.AttendeeId)).ToBeVisibleAsync();
        }
        // A round trip through the breakout after the start: a call, had there been one, would have begun by now.
        await attendee.SendBreakoutChatAsync("Zie je op de link");
        await Expect(bram.BreakoutChatMessage("Zie je op de link")).ToBeVisibleAsync();
        foreach (var one in new[] { attendee, bram })
        {
            // No call's videos, and no video shown at all (the room's camera check keeps its preview element, hidden).
            await Expect(one.Page.Locator("[data-testid=breakout-video-local], [data-testid=breakout-video-remote], video:visible")).ToHaveCountAsync(0);
        }
    }
}
