using Microsoft.Playwright;
using NetwerkLive.BrowserTests.Infrastructure;
using NetwerkLive.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// After the live part (issue 15's second scenario): the host ends it in the console with a YouTube replay; a visitor
/// who registers afterwards watches the replay, finds Ann on the asks and offers board and proposes a coffee; Ann (a
/// .NET client) asks back, and the visitor's page shows the match while the chat stays read-only.
/// </summary>
[Collection(RoomSuite.Name)]
public sealed class AfterLiveTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AVisitorAfterTheLivePartWatchesTheReplayFindsSomeoneOnTheBoardAndGetsACoffeeMatch()
    {
        var ev = await Scene.CreateEventAsync("Ledendag", meetingMode: MeetingModes.External);
        await using var ann = await HubPerson.JoinAsync(Scene, ev, Person.Ann);
        await ann.Connection.SetAskAndOffer(null, new AskOffer("Ik help verenigingen met subsidieaanvragen", []));
        var requested = new TaskCompletionSource<FollowUpRequestNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        ann.Connection.FollowUpRequested += notice => requested.TrySetResult(notice);

        var host = await HostConsole.OpenAsync(Scene, ev);
        await host.ByTestId("host-end-live-replay").FillAsync("https://www.youtube.com/watch?v=netwerklive1");
        await host.ByTestId("host-end-live").ClickAsync();
        await host.ByTestId("host-confirm").GetByTestId("host-confirm-ok").ClickAsync();
        await Expect(host.ByTestId("host-end-live-status")).ToContainTextAsync("The live part has ended.");

        var vera = await RoomPage.JoinAsync(Scene, ev, new Person("Vera Visser", "Later BV", null, "vera@example.org"));
        await Expect(vera.ByTestId("replay")).ToHaveAttributeAsync("src", "https://www.youtube.com/embed/netwerklive1");
        await Expect(vera.ByTestId("chat-closed")).ToHaveTextAsync("The live part has ended; the chat is read-only now.");
        await Expect(vera.ByTestId("chat-input")).ToBeHiddenAsync();

        var entries = vera.ByTestId("board").GetByTestId("board-entry");
        await vera.ByTestId("board-search").FillAsync("subsidie");
        await Expect(entries).ToHaveCountAsync(1);
        await Expect(entries.First).ToContainTextAsync(Person.Ann.Name);

        // The README's picture of the page after the live part, in Dutch (the language switch works here too): the replay
        // where the livestream was, the read-only chat and the board with Ann's offer. Then back to English.
        await vera.ByTestId("language-nl").ClickAsync();
        await Expect(vera.ByTestId("chat-closed")).ToHaveTextAsync("Het live-gedeelte is afgelopen; de chat is nu alleen nog te lezen.");
        await Expect(entries.First.GetByTestId("board-request")).ToHaveTextAsync("Koffie voorstellen");
        await vera.Page.SetViewportSizeAsync(1280, 1000);
        await Screenshots.SaveAsync(vera.Page, "after-live");
        await vera.ByTestId("language-en").ClickAsync();
        await Expect(vera.ByTestId("chat-closed")).ToHaveTextAsync("The live part has ended; the chat is read-only now.");
        await entries.First.GetByTestId("board-request").ClickAsync();
        await Expect(entries.First.GetByTestId("board-request")).ToHaveTextAsync("Asked");

        var notice = await requested.Task.WaitAsync(TimeSpan.FromMilliseconds(Timeouts.Expect));
        Assert.Equal(vera.AttendeeId, notice.Attendee.Id);
        await ann.Connection.RequestFollowUp(notice.Attendee.Id);

        await Expect(vera.Page.Locator($"[data-testid=\"follow-up-contact\"][data-attendee-id=\"{ann.AttendeeId}\"]")).ToContainTextAsync(Person.Ann.Contact!);

        // The match is a coffee to plan. Vera thinks better of it: cancelling asks first ("Go back" keeps it), then Ann is told.
        var cancelled = new TaskCompletionSource<CoffeeDate>(TaskCreationOptions.RunContinuationsAsynchronously);
        ann.Connection.CoffeeDateChanged += date =>
        {
            if (date.State == CoffeeDateStates.Cancelled)
            {
                cancelled.TrySetResult(date);
            }
        };
        var coffee = vera.Page.Locator($"[data-testid=\"coffee-date\"][data-with=\"{ann.AttendeeId}\"]");
        await Expect(coffee).ToHaveAttributeAsync("data-state", CoffeeDateStates.Open);
        var confirm = vera.ByTestId("host-confirm");
        await coffee.GetByTestId("coffee-cancel").ClickAsync();
        await Expect(confirm.GetByTestId("host-confirm-text")).ToHaveTextAsync($"Cancel your coffee with {Person.Ann.Name}? They will see that you cancelled.");
        await Expect(confirm.GetByTestId("host-confirm-cancel")).ToHaveTextAsync("Go back");
        await confirm.GetByTestId("host-confirm-cancel").ClickAsync();
        await Expect(confirm).ToBeHiddenAsync();
        await Expect(coffee).ToHaveAttributeAsync("data-state", CoffeeDateStates.Open);
        await coffee.GetByTestId("coffee-cancel").ClickAsync();
        await confirm.GetByTestId("host-confirm-ok").ClickAsync();
        await Expect(coffee).ToHaveAttributeAsync("data-state", CoffeeDateStates.Cancelled);
        await Expect(coffee.GetByTestId("coffee-state")).ToHaveTextAsync("You cancelled. Propose new times to try again.");
        var annSees = await cancelled.Task.WaitAsync(TimeSpan.FromMilliseconds(Timeouts.Expect));
        Assert.Equal(vera.AttendeeId, annSees.With.Id);
        await vera.ByTestId("board-search").FillAsync("niemand-zoekt-dit");
        await Expect(entries).ToHaveCountAsync(0);
    }
}
