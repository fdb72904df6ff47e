using System.Text.RegularExpressions;
using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

[Collection(RoomSuite.Name)]
public sealed partial class RoomTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task ConnectionStateShowsLiveAfterJoining()
    {
        var ev = await Scene.CreateEventAsync();

        var ann = await RoomPage.JoinAsync(Scene, ev, Person.Ann);

        await Expect(ann.ConnectionState).ToHaveTextAsync("live");
        await Expect(ann.ConnectionState).ToHaveAttributeAsync("data-state", "live");
        await Expect(ann.ConnectionState).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ALivestreamThatCannotBeEmbeddedIsShownAsALink()
    {
        var ev = await Scene.CreateEventAsync(livestreamUrl: "https://example.org/live/bedrijvenkring");

        var ann = await RoomPage.JoinAsync(Scene, ev, Person.Ann);

        var livestream = ann.ByTestId("livestream");
        await Expect(livestream).ToHaveAttributeAsync("href", "https://example.org/live/bedrijvenkring");
        Assert.Equal("A", await livestream.EvaluateAsync<string>("e => e.tagName"));
        await Expect(ann.ByTestId("event-name")).ToHaveTextAsync("Bedrijvenkring live");
    }

    [Fact]
    public async Task ThreeAttendeesJoinThroughTheJoinLinkAndEveryPageShowsTheRightCount()
    {
        var ev = await Scene.CreateEventAsync();

        var attendees = await RoomPage.JoinAllAsync(Scene, ev, Person.Ann, Person.Bram, Person.Chris);

        foreach (var page in attendees)
        {
            await Expect(page.AttendeeCount).ToHaveTextAsync("3");
            await Expect(page.AttendeeList.Locator("li")).ToHaveCountAsync(3);
            foreach (var other in attendees)
            {
                await Expect(page.AttendeeEntry(other.AttendeeId)).ToContainTextAsync(other.Person.Name);
                await Expect(page.AttendeeEntry(other.AttendeeId)).ToHaveClassAsync(AvailableClass());
            }
        }

        // The host in the console is present too, and marked as the host.
        var host = await HostConsole.OpenAsync(Scene, ev);
        await Expect(host.AttendeeCount).ToHaveTextAsync("4");
        await Expect(host.AttendeeList.Locator("li")).ToHaveCountAsync(4);
        foreach (var page in attendees)
        {
            await Expect(page.AttendeeCount).ToHaveTextAsync("4");
            await Expect(page.AttendeeList.Locator("li.host")).ToHaveCountAsync(1);
            await Expect(page.AttendeeList.Locator("li.host")).Not.ToHaveClassAsync(AvailableClass()); // the host does not network
        }
    }

    [Fact]
    public async Task SomeoneWhoJoinsWhileTheRoomIsStillLoadingIsListedOnceItHasLoaded()
    {
        // Join()'s answer (it carries the event's title) held back until the push about Bram has reached the page:
        // on a busy server that push can overtake the answer, whose snapshot was read before Bram came in.
        var ev = await Scene.CreateEventAsync(title: "Ledenavond Oost");
        var page = await Scene.OpenBrowserAsync(Person.Ann.Name);
        var frames = await HubFrames.InstallAsync(page);
        frames.HoldUntil("Ledenavond Oost", releasedBy: Person.Bram.Name);
        await page.GotoAsync(ev.JoinLink.ToString());
        await RoomPage.FillJoinFormAsync(page, Person.Ann);
        await page.GetByTestId("join").ClickAsync();
        await frames.Holding.WaitAsync(TimeSpan.FromMilliseconds(Timeouts.Expect));

        await using var bram = await HubPerson.JoinAsync(Scene, ev, Person.Bram);

        await frames.Released.WaitAsync(TimeSpan.FromMilliseconds(Timeouts.Expect));
        var ann = await RoomPage.OnceLiveAsync(page, ev, Person.Ann);
        await Expect(ann.AttendeeEntry(bram.AttendeeId)).ToContainTextAsync(Person.Bram.Name);
        await Expect(ann.AttendeeCount).ToHaveTextAsync("2");
        await Expect(ann.AttendeeList.Locator("li")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task ChatFlowsBetweenThreeAttendeesAndEachSeesTheirOwnMessagesMarked()
    {
        var ev = await Scene.CreateEventAsync(livestreamUrl: Scene.EmbeddedLivestream); // for the screenshot
        var attendees = await RoomPage.JoinAllAsync(Scene, ev, Person.Ann, Person.Bram, Person.Chris);
        var (ann, bram, chris) = (attendees[0], attendees[1], attendees[2]);
        (RoomPage Sender, string Text)[] messages =
        [
            (ann, "Goedemiddag allemaal!"),
            (bram, "Hoi Ann, mooie presentatie zo."),
            (chris, "Wie gaat er straks naar de borrel?"),
        ];

        foreach (var (sender, text) in messages)
        {
            await sender.SendChatAsync(text, pressEnter: sender == chris); // Enter sends too
        }

        foreach (var page in attendees)
        {
            await Expect(page.ChatItems).ToHaveCountAsync(messages.Length);
            for (var i = 0; i < messages.Length; i++)
            {
                var (sender, text) = messages[i];
                var item = page.ChatItems.Nth(i); // oldest first, newest at the bottom
                await Expect(item.Locator(".text")).ToHaveTextAsync(text);
                await Expect(item.Locator(".sender")).ToContainTextAsync(sender.Person.Name);
                if (sender == page)
                {
                    await Expect(item).ToHaveClassAsync(OwnClass());
                }
                else
                {
                    await Expect(item).Not.ToHaveClassAsync(OwnClass());
                }
            }
        }
    }

    [Fact]
    public async Task AnAttendeeWhoReloadsIsStillInTheRoomAsTheSamePersonWithTheChatHistory()
    {
        var ev = await Scene.CreateEventAsync();
        var (ann, bram) = Pair(await RoomPage.JoinAllAsync(Scene, ev, Person.Ann, Person.Bram));
        await ann.SendChatAsync("Eerst even voorstellen: Ann, Hoya.");
        await bram.SendChatAsync("Bram hier, van Vitens.");

        await ann.Page.ReloadAsync();

        await Expect(ann.ConnectionState).ToHaveTextAsync("live");
        await Expect(ann.ByTestId("join")).ToBeHiddenAsync();
        Assert.Equal(ann.AttendeeId, await RoomPage.StoredAttendeeIdAsync(ann.Page, ev));
        await Expect(ann.ChatItems).ToHaveCountAsync(2);
        await Expect(ann.ChatMessage("Eerst even voorstellen: Ann, Hoya.")).ToHaveClassAsync(OwnClass());
        await Expect(ann.ChatMessage("Bram hier, van Vitens.")).ToHaveCountAsync(1);
        foreach (var page in new[] { ann, bram })
        {
            await Expect(page.AttendeeCount).ToHaveTextAsync("2");
            await Expect(page.AttendeeList.Locator("li")).ToHaveCountAsync(2);
            await Expect(page.AttendeeEntry(ann.AttendeeId)).ToHaveCountAsync(1);
        }

        // Still in the room: what the reloaded page sends reaches the others.
        await ann.SendChatAsync("Weer terug na een reload.");
        await Expect(bram.ChatMessage("Weer terug na een reload.")).ToHaveCountAsync(1);
    }

    internal static (RoomPage, RoomPage) Pair(RoomPage[] pages) => (pages[0], pages[1]);

    [GeneratedRegex(@"(^|\s)own(\s|$)")]
    internal static partial Regex OwnClass();

    [GeneratedRegex(@"(^|\s)available(\s|$)")]
    internal static partial Regex AvailableClass();
}
