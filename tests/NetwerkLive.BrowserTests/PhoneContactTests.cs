using System.Globalization;
using NetwerkLive.BrowserTests.Infrastructure;
using NetwerkLive.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>People follow up by phone: the join form says a phone number is fine, and a match passes it on.</summary>
[Collection(RoomSuite.Name)]
public sealed class PhoneContactTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("en-US", "phone number")]
    [InlineData("nl-NL", "telefoonnummer")]
    public async Task ADutchMobileNumberIsAcceptedAsContactAndReachesAMutualMatchNormalised(string language, string placeholderWord)
    {
        var ev = await Scene.CreateEventAsync(meetingMode: MeetingModes.External);
        var opening = HostConsole.OpenAsync(Scene, ev);
        var page = await Scene.OpenBrowserAsync("Ann", language: language);
        await page.GotoAsync(ev.JoinLink.ToString());
        await Expect(page.GetByTestId("contact")).ToHaveAttributeAsync("placeholder", new System.Text.RegularExpressions.Regex(placeholderWord));
        await Expect(page.GetByTestId("contact-hint")).ToContainTextAsync("06-12345678");
        var ann = await RoomPage.JoinOnAsync(page, ev, Person.Ann with { Contact = "06-12345678" });
        var bram = await RoomPage.JoinAsync(Scene, ev, Person.Bram);
        var host = await opening;
        await Expect(host.AttendeeCount).ToHaveTextAsync(3.ToString(CultureInfo.InvariantCulture));
        await host.StartRoundAsync();

        await ann.Partner(bram.AttendeeId).GetByTestId("follow-up").ClickAsync();
        await bram.Partner(ann.AttendeeId).GetByTestId("follow-up").ClickAsync();

        var contact = bram.Page.Locator($"[data-testid=\"follow-up-contact\"][data-attendee-id=\"{ann.AttendeeId}\"] .contact");
        await Expect(contact).ToHaveTextAsync("+31612345678");
        // On a phone one tap calls them.
        await Expect(contact).ToHaveAttributeAsync("href", "tel:+31612345678");
    }
}
