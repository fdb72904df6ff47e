using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// axe-core finds nothing serious or critical on any state of any page, on a 390 px phone (in Dutch) and
/// on a desktop (in English): landing, created, join form, join form with a refused field, room, room
/// with a breakout, host console, removed page.
/// </summary>
[Collection(BreakoutSuite.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    public static TheoryData<string, string> Widths => new() { { "phone", "nl-NL" }, { "desktop", "en-US" } };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task TheLandingPageBeforeAndAfterCreatingHasNoSeriousViolations(string width, string language)
    {
        var page = await Scene.OpenBrowserAsync("host", ViewportOf(width), width == "phone", language, bypassCsp: true);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("create-event")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the landing page");

        await page.GetByTestId("event-title").FillAsync("Bedrijvenkring live");
        await page.GetByTestId("create-event").ClickAsync();
        await Expect(page.GetByTestId("join-link")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the landing page after creating");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task TheJoinFormAndARefusedFieldHaveNoSeriousViolations(string width, string language)
    {
        var ev = await Scene.CreateEventAsync();
        var page = await Scene.OpenBrowserAsync("Ann", ViewportOf(width), width == "phone", language, bypassCsp: true);
        Scene.ExpectConsoleErrors("Ann", new Regex("status of 400")); // the browser's own line for the refused registration
        await page.GotoAsync(ev.JoinLink.ToString());
        await Expect(page.GetByTestId("join")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the join form");

        await page.GetByTestId("join").ClickAsync(); // no name: refused
        await Expect(page.GetByTestId("display-name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Axe.AssertNoSeriousViolationsAsync(page, "the join form with a refused field");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task TheRoomABreakoutAndTheHostConsoleHaveNoSeriousViolations(string width, string language)
    {
        var ev = await Scene.CreateEventAsync();
        var host = await HostConsole.OpenAsync(Scene, ev, ViewportOf(width), language, bypassCsp: true);
        var ann = await RoomPage.JoinAsync(Scene, ev, Person.Ann, ViewportOf(width), width == "phone", language, bypassCsp: true);
        var bram = await RoomPage.JoinAsync(Scene, ev, Person.Bram);
        await ann.SendChatAsync("Goedemiddag allemaal");
        // Long enough that the chat scrolls: a scrolling region a keyboard cannot reach is what axe looks for.
        await bram.SendChatAsync(Agenda);
        await host.ByTestId("announce-input").FillAsync("Over vijf minuten beginnen de ont-moetingen");
        await host.ByTestId("announce-send").ClickAsync();
        await Expect(ann.ByTestId("announcement")).ToBeVisibleAsync();
        await Expect(ann.AttendeeCount).ToHaveTextAsync("3");
        await Axe.AssertNoSeriousViolationsAsync(ann.Page, "the room");

        await host.StartRoundAsync();
        await Expect(ann.BreakoutPartners).ToHaveCountAsync(1);
        await ann.SendBreakoutChatAsync("Wat doe jij bij Vitens?");
        await bram.SendBreakoutChatAsync(Agenda);
        await Axe.AssertNoSeriousViolationsAsync(ann.Page, "the room with a breakout");
        await Expect(host.ByTestId("host-in-breakouts")).ToHaveTextAsync("2");
        await Axe.AssertNoSeriousViolationsAsync(host.Page, "the host console during a round");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task TheRemovedPageHasNoSeriousViolations(string width, string language)
    {
        var ev = await Scene.CreateEventAsync();
        var host = await HostConsole.OpenAsync(Scene, ev);
        var ann = await RoomPage.JoinAsync(Scene, ev, Person.Ann, ViewportOf(width), width == "phone", language, bypassCsp: true);

        await host.RemoveAttendeeAsync(ann.AttendeeId);

        // In the attendee's language, whatever the host's.
        await Expect(ann.ByTestId("page-notice")).ToContainTextAsync(
            language.StartsWith("nl", StringComparison.Ordinal) ? "De host heeft je uit dit evenement verwijderd" : "The host removed you from this event");
        await Axe.AssertNoSeriousViolationsAsync(ann.Page, "the removed page");
    }

    private static readonly string Agenda =
        "Het programma van vanmiddag:\n" + string.Join("\n", Enumerable.Range(1, 30).Select(i => $"{i}. onderwerp {i}"));

    private static ViewportSize ViewportOf(string width) => width == "phone" ? PhoneScreen.Size : Scene.Desktop;
}
