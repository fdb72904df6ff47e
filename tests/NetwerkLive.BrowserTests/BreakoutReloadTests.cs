using System.Globalization;
using NetwerkLive.BrowserTests.Infrastructure;
using NetwerkLive.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// A reload (or a tab reopened) shows what the page showed before, from Join() alone: nothing of it is kept
/// in the browser (docs/web-client.md, "What the browser remembers").
/// </summary>
[Collection(BreakoutSuite.Name)]
public sealed class BreakoutReloadTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AReloadDuringABreakoutKeepsItsChatTheHostsBroadcastAndTheLatestAnnouncement()
    {
        var (host, attendees) = await StartRoundAsync(Person.Ann, Person.Bram);
        var (ann, bram) = (attendees[0], attendees[1]);
        await host.ByTestId("announce-input").FillAsync("Welkom allemaal, fijn dat jullie er zijn.");
        await host.ByTestId("announce-send").ClickAsync();
        await ann.SendBreakoutChatAsync("Zullen we even bellen?");
        await bram.SendBreakoutChatAsync("Ja, graag: ik open de videolink.");
        await host.ByTestId("host-broadcast-input").FillAsync("Nog tien minuten, dan terug naar de zaal.");
        await host.ByTestId("host-broadcast-send").ClickAsync();
        await Expect(ann.ByTestId("breakout-broadcast")).ToContainTextAsync("Nog tien minuten");
        await Expect(ann.ByTestId("announcement")).ToHaveTextAsync("Welkom allemaal, fijn dat jullie er zijn.");

        await ann.Page.ReloadAsync();

        await Expect(ann.ConnectionState).ToHaveTextAsync("live");
        await Expect(ann.Partner(bram.AttendeeId)).ToBeVisibleAsync();
        await Expect(ann.BreakoutChatList.Locator("li")).ToHaveCountAsync(2);
        await Expect(ann.BreakoutChatMessage("Zullen we even bellen?")).ToHaveClassAsync(RoomTests.OwnClass());
        await Expect(ann.BreakoutChatMessage("Ja, graag: ik open de videolink.").Locator(".sender")).ToHaveTextAsync(Person.Bram.Name);
        await Expect(ann.ByTestId("breakout-broadcast")).ToContainTextAsync("Nog tien minuten, dan terug naar de zaal.");
        await Expect(ann.ByTestId("announcement")).ToHaveTextAsync("Welkom allemaal, fijn dat jullie er zijn.");
        await Expect(ann.ByTestId("announcement-box")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AReloadAfterTheRoundKeepsThePeopleMetTheFollowUpsAskedAndTheContactsReceived()
    {
        var (host, attendees) = await StartRoundAsync(Person.Ann, Person.Bram, Person.Chris);
        var (ann, bram, chris) = (attendees[0], attendees[1], attendees[2]);
        await Expect(ann.BreakoutPartners).ToHaveCountAsync(2);
        await ann.Partner(bram.AttendeeId).GetByTestId("follow-up").ClickAsync();
        await ann.Partner(chris.AttendeeId).GetByTestId("follow-up").ClickAsync();
        await bram.Partner(ann.AttendeeId).GetByTestId("follow-up").ClickAsync();
        await Expect(ann.FollowUpContacts).ToHaveCountAsync(1);
        await host.EndRoundAsync();
        await Expect(ann.BreakoutPanel).ToBeHiddenAsync();

        await ann.Page.ReloadAsync();

        await Expect(ann.ConnectionState).ToHaveTextAsync("live");
        var met = ann.ByTestId("met-list").Locator("li");
        await Expect(met).ToHaveCountAsync(2);
        await Expect(MetFollowUp(ann, bram)).ToHaveTextAsync("Matched");
        await Expect(MetFollowUp(ann, bram)).ToBeDisabledAsync();
        await Expect(MetFollowUp(ann, chris)).ToHaveTextAsync("Asked: you'll hear if it's mutual");
        await Expect(ann.FollowUpContacts).ToHaveCountAsync(1);
        await Expect(ann.Page.Locator($"[data-testid=\"follow-up-contact\"][data-attendee-id=\"{bram.AttendeeId}\"]"))
            .ToContainTextAsync(Person.Bram.Contact!);
        // Chris only asked nobody: his page, reloaded, offers both buttons, and no contact.
        await chris.Page.ReloadAsync();
        await Expect(MetFollowUp(chris, ann)).ToHaveTextAsync("Let's have coffee again");
        await Expect(chris.FollowUpContacts).ToHaveCountAsync(0);
    }

    private static Microsoft.Playwright.ILocator MetFollowUp(RoomPage from, RoomPage to) =>
        from.ByTestId("met-list").Locator($"li[data-attendee-id=\"{to.AttendeeId}\"]").GetByTestId("follow-up");

    private async Task<(HostConsole Host, RoomPage[] Attendees)> StartRoundAsync(params Person[] people)
    {
        var ev = await Scene.CreateEventAsync(meetingMode: MeetingModes.External);
        var opening = HostConsole.OpenAsync(Scene, ev);
        var attendees = await RoomPage.JoinAllAsync(Scene, ev, people);
        var host = await opening;
        await Expect(host.AttendeeCount).ToHaveTextAsync((people.Length + 1).ToString(CultureInfo.InvariantCulture));
        await host.StartRoundAsync();
        foreach (var page in attendees)
        {
            await Expect(page.BreakoutPanel).ToBeVisibleAsync();
        }
        return (host, attendees);
    }
}
