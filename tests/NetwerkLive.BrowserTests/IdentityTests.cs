using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// The browser remembers who someone is at an event: reopening the link continues as the same person,
/// "Not you?" starts fresh, and a removal stays a removal (docs/web-client.md, "What the browser remembers").
/// </summary>
[Collection(RoomSuite.Name)]
public sealed class IdentityTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task ReopeningTheJoinLinkContinuesAsTheSamePersonWithoutASecondAttendee()
    {
        var ev = await Scene.CreateEventAsync();
        var ann = await RoomPage.JoinAsync(Scene, ev, Person.Ann);
        var bram = await RoomPage.JoinAsync(Scene, ev, Person.Bram);
        await ann.Page.CloseAsync();

        var reopened = await Scene.OpenTabAsync(ann.Page, Person.Ann.Name);
        var registrations = new List<string>();
        reopened.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/attendees", StringComparison.Ordinal))
            {
                registrations.Add(request.Url);
            }
        };
        await reopened.GotoAsync(ev.JoinLink.ToString());

        var continueAs = reopened.GetByTestId("continue-as");
        await Expect(continueAs).ToHaveTextAsync("Continue as Ann de Vries");
        await Expect(continueAs).ToBeFocusedAsync();
        await Expect(reopened.GetByTestId("join-section")).ToBeHiddenAsync();
        await continueAs.ClickAsync();
        await Expect(reopened.GetByTestId("connection-state")).ToHaveTextAsync("live");
        Assert.Equal(ann.AttendeeId, await RoomPage.StoredAttendeeIdAsync(reopened, ev));
        // One registration, seen by the others as the same person.
        await Expect(bram.AttendeeCount).ToHaveTextAsync("2");
        await Expect(bram.AttendeeEntry(ann.AttendeeId)).ToContainTextAsync(Person.Ann.Name);
        Assert.Empty(registrations);
    }

    [Fact]
    public async Task NotYouClearsTheRememberedPersonAndShowsAnEmptyJoinForm()
    {
        var ev = await Scene.CreateEventAsync();
        var ann = await RoomPage.JoinAsync(Scene, ev, Person.Ann);
        var reopened = await Scene.OpenTabAsync(ann.Page, "someone else");
        await reopened.GotoAsync(ev.JoinLink.ToString());

        var annsPersonToken = await PersonTokenAsync(reopened);

        await reopened.GetByTestId("not-you").ClickAsync();

        await Expect(reopened.GetByTestId("join-section")).ToBeVisibleAsync();
        await Expect(reopened.GetByTestId("display-name")).ToHaveValueAsync("");
        await Expect(reopened.GetByTestId("display-name")).ToBeFocusedAsync();
        // Forgotten, not just hidden: opened again, the link asks who this is, and Ann's person token is gone.
        await reopened.ReloadAsync();
        await Expect(reopened.GetByTestId("join-section")).ToBeVisibleAsync();
        await Expect(reopened.GetByTestId("continue-section")).ToBeHiddenAsync();
        Assert.NotNull(annsPersonToken);
        Assert.Null(await PersonTokenAsync(reopened));
        await RoomPage.FillJoinFormAsync(reopened, Person.Chris);
        await reopened.GetByTestId("join").ClickAsync();
        await Expect(reopened.GetByTestId("connection-state")).ToHaveTextAsync("live");
        Assert.NotEqual(ann.AttendeeId, await RoomPage.StoredAttendeeIdAsync(reopened, ev));
        await Expect(reopened.GetByTestId("attendee-count")).ToHaveTextAsync("2");
        // The browser now knows Chris, not Ann: the next time the link opens, it offers Chris.
        var third = await Scene.OpenTabAsync(reopened, "third tab");
        await third.GotoAsync(ev.JoinLink.ToString());
        await Expect(third.GetByTestId("continue-as")).ToHaveTextAsync("Continue as Chris Bakker");
    }

    [Theory]
    [InlineData("en-US", "The host removed you from this event, so you can no longer take part in it.")]
    [InlineData("nl-NL", "De host heeft je uit dit evenement verwijderd, dus je kunt er niet meer aan meedoen.")]
    public async Task ARemovedAttendeeSeesTheRemovedPageWithoutRetryAlsoWhenReopeningTheLink(string language, string removedText)
    {
        var ev = await Scene.CreateEventAsync();
        var host = await HostConsole.OpenAsync(Scene, ev);
        var page = await Scene.OpenBrowserAsync(Person.Ann.Name, language: language);
        var ann = await RoomPage.JoinOnAsync(page, ev, Person.Ann);

        await host.RemoveAttendeeAsync(ann.AttendeeId);

        await ExpectRemovedPageAsync(page, removedText);
        var reopened = await Scene.OpenTabAsync(page, Person.Ann.Name);
        await reopened.GotoAsync(ev.JoinLink.ToString());
        await ExpectRemovedPageAsync(reopened, removedText);
    }

    [Fact]
    public async Task SomeoneRemovedWhileTheirPageWasClosedSeesTheRemovedPageWhenTheyOpenTheLinkAgain()
    {
        var ev = await Scene.CreateEventAsync();
        var host = await HostConsole.OpenAsync(Scene, ev);
        var page = await Scene.OpenBrowserAsync(Person.Ann.Name, language: "nl-NL");
        var ann = await RoomPage.JoinOnAsync(page, ev, Person.Ann);
        var reopened = await Scene.OpenTabAsync(page, Person.Ann.Name);
        await page.CloseAsync();

        await host.RemoveAttendeeAsync(ann.AttendeeId);
        // The refused sign-in is logged by the browser (the 401) and by the SignalR client; nothing else may be.
        Scene.ExpectConsoleErrors(Person.Ann.Name, new Regex("status of 401|negotiation with the server.*verwijderd"));
        await reopened.GotoAsync(ev.JoinLink.ToString());
        await reopened.GetByTestId("continue-as").ClickAsync();

        // No Removed push reached a page: the hub's refusal says it was a removal.
        await ExpectRemovedPageAsync(reopened, "De host heeft je uit dit evenement verwijderd, dus je kunt er niet meer aan meedoen.");
    }

    /// <summary>The person token the page keeps for the event's series (person.js), or null.</summary>
    private static Task<string?> PersonTokenAsync(IPage page) => page.EvaluateAsync<string?>(
        "() => Object.keys(localStorage).filter(k => k.startsWith('netwerklive:person:')).map(k => localStorage.getItem(k))[0] ?? null");

    private static async Task ExpectRemovedPageAsync(IPage page, string removedText)
    {
        var notice = page.GetByTestId("page-notice");
        await Expect(notice).ToContainTextAsync(removedText);
        await Expect(notice).ToHaveAttributeAsync("data-reason", "removed");
        await Expect(page.GetByTestId("room")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("join-section")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("continue-section")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("reconnect")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("connection-banner")).ToBeHiddenAsync();
        // Nothing to retry: no button at all on the page itself.
        await Expect(page.Locator("main").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }
}
