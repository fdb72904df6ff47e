using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetwerkLive.BrowserTests.Infrastructure;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// The breakout moment on a phone: whoever is scrolled down in the chat, in another tab or using a screen
/// reader notices that a breakout starts, ends, or the host says something (docs/web-client.md, "The breakout moment").
/// </summary>
[Collection(BreakoutSuite.Name)]
public sealed class BreakoutMomentTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("en-US", "Your breakout has started: you are meeting Bram Jansen.")]
    [InlineData("nl-NL", "Je ont-moeting begint: je spreekt Bram Jansen.")]
    public async Task OnAPhoneTheBreakoutStartIsScrolledIntoViewFocusedAnnouncedChimedAndVibrated(string language, string announcement)
    {
        var (_, host, ann, _) = await AnnOnAPhoneWithBramAsync(language);
        await ReadTheChatAsync(ann);

        await host.StartRoundAsync();

        await Expect(ann.BreakoutPanel).ToBeInViewportAsync();
        await Expect(ann.BreakoutPanel).ToBeFocusedAsync();
        await Expect(ann.ByTestId("moment-announcer")).ToHaveTextAsync(announcement);
        await Expect(ann.ByTestId("moment-announcer")).ToHaveAttributeAsync("aria-live", "assertive");
        await Expect(ann.Page).ToHaveTitleAsync(new Regex("^" + Regex.Escape(announcement)));
        await MomentProbe.WaitForToneAsync(ann.Page);
        await MomentProbe.WaitForVibrationAsync(ann.Page);
    }

    [Fact]
    public async Task WhenThePhoneHasSuspendedThePagesSoundTheBreakoutStartResumesItAndStillChimes()
    {
        var (_, host, ann, _) = await AnnOnAPhoneWithBramAsync("en-US");
        await MomentProbe.SuspendSoundAsync(ann.Page);

        await host.StartRoundAsync();

        await Expect(ann.ByTestId("moment-announcer")).ToContainTextAsync("Bram Jansen");
        await MomentProbe.WaitForToneAsync(ann.Page);
    }

    [Fact]
    public async Task WithTheSoundSwitchedOffABreakoutStartsWithoutAChimeAndTheSwitchIsRemembered()
    {
        var (_, host, ann, _) = await AnnOnAPhoneWithBramAsync("en-US");

        await ann.ByTestId("sound-toggle").UncheckAsync();
        await host.StartRoundAsync();

        // The vibration comes after the chime would have: by then a tone would have been made.
        await Expect(ann.ByTestId("moment-announcer")).ToContainTextAsync("Bram Jansen");
        await MomentProbe.WaitForVibrationAsync(ann.Page);
        Assert.Equal(0, await MomentProbe.TonesAsync(ann.Page));

        await ann.Page.ReloadAsync();
        await Expect(ann.ConnectionState).ToHaveTextAsync("live");
        await Expect(ann.ByTestId("sound-toggle")).Not.ToBeCheckedAsync();
    }

    [Fact]
    public async Task WhileTheTabIsHiddenTheTitleBlinksAndItStopsWhenThePersonLooksAgain()
    {
        var ev = await Scene.CreateEventAsync(meetingMode: MeetingModes.External);
        var opening = HostConsole.OpenAsync(Scene, ev);
        var page = await Scene.OpenBrowserAsync(Person.Ann.Name, PhoneScreen.Size, phone: true);
        await MomentProbe.InstallAsync(page);
        // The page's own clock, so the blinking is driven by the test, not waited for.
        await page.Clock.InstallAsync();
        var ann = await RoomPage.JoinOnAsync(page, ev, Person.Ann);
        await RoomPage.JoinAsync(Scene, ev, Person.Bram);
        var host = await opening;
        await MomentProbe.SetHiddenAsync(page, true);

        await host.StartRoundAsync();

        const string moment = "Your breakout has started: you are meeting Bram Jansen.";
        var alert = new Regex("^" + Regex.Escape(moment));
        await Expect(page).ToHaveTitleAsync(alert);
        await page.Clock.RunForAsync(3000);
        var whileHidden = SinceFirst(await MomentProbe.TitlesAsync(page), moment);
        Assert.True(whileHidden.Count(alert.IsMatch) >= 2 && whileHidden.Any(t => !alert.IsMatch(t)),
            $"The title did not blink while the tab was hidden: {string.Join(" | ", whileHidden)}");

        await MomentProbe.SetHiddenAsync(page, false);
        await Expect(page).ToHaveTitleAsync(alert);
        var seen = (await MomentProbe.TitlesAsync(page)).Length;
        await page.Clock.RunForAsync(5000);
        Assert.Equal(seen, (await MomentProbe.TitlesAsync(page)).Length);
        await Expect(page).ToHaveTitleAsync(alert);
        await Expect(ann.BreakoutPanel).ToBeVisibleAsync();

        // A key pressed on the page: the moment was seen, and the plain title is back.
        await page.Keyboard.PressAsync("Shift");
        await Expect(page).ToHaveTitleAsync("Bedrijvenkring live · NetwerkLive");
    }

    [Fact]
    public async Task WhenTheRoundEndsThePageAsksWhetherToTalkAgainWithTheFollowUpButtonNextInLine()
    {
        var (_, host, ann, bram) = await AnnOnAPhoneWithBramAsync("en-US");
        await host.StartRoundAsync();
        await Expect(ann.Partner(bram.AttendeeId)).ToBeVisibleAsync();
        await ReadTheChatAsync(ann);

        await host.EndRoundAsync();

        const string question = "The round has ended. Would you like to talk again with Bram Jansen?";
        await Expect(ann.BreakoutPanel).ToBeHiddenAsync();
        var met = ann.ByTestId("met-section");
        await Expect(met).ToBeInViewportAsync();
        await Expect(met).ToBeFocusedAsync();
        await Expect(ann.ByTestId("round-ended")).ToContainTextAsync(question);
        await Expect(ann.ByTestId("moment-announcer")).ToContainTextAsync(question);
        // The next Tab is the follow-up button for Bram: asking is one key press away.
        await ann.Page.Keyboard.PressAsync("Tab");
        var followUp = met.Locator($"[data-testid=\"follow-up\"][data-attendee-id=\"{bram.AttendeeId}\"]");
        await Expect(followUp).ToBeFocusedAsync();
        await ann.Page.Keyboard.PressAsync("Enter");
        await Expect(followUp).ToHaveTextAsync("Asked: you'll hear if it's mutual");
    }

    [Fact]
    public async Task AHostAnnouncementIsBroughtIntoViewAndReadOutOnAPhone()
    {
        var ev = await Scene.CreateEventAsync(meetingMode: MeetingModes.External);
        var opening = HostConsole.OpenAsync(Scene, ev);
        var ann = await JoinOnPhoneAsync(ev, Person.Ann, "nl-NL");
        var host = await opening;
        await ReadTheChatAsync(ann);

        await host.ByTestId("announce-input").FillAsync("Over vijf minuten begint de pitch van Hoya.");
        await host.ByTestId("announce-send").ClickAsync();

        await Expect(ann.ByTestId("announcement")).ToHaveTextAsync("Over vijf minuten begint de pitch van Hoya.");
        await Expect(ann.ByTestId("announcement-box")).ToBeInViewportAsync();
        await Expect(ann.ByTestId("moment-announcer")).ToHaveTextAsync("Mededeling van de host: Over vijf minuten begint de pitch van Hoya.");
        await MomentProbe.WaitForToneAsync(ann.Page);
    }

    [Fact]
    public async Task AHostMessageToTheBreakoutsIsBroughtIntoViewAndReadOutInDutch()
    {
        var (_, host, ann, _) = await AnnOnAPhoneWithBramAsync("nl-NL");
        await host.StartRoundAsync();
        await Expect(ann.BreakoutPanel).ToBeFocusedAsync();
        await ReadTheChatAsync(ann);

        await host.ByTestId("host-broadcast-input").FillAsync("Nog twee minuten, rond maar af.");
        await host.ByTestId("host-broadcast-send").ClickAsync();

        var broadcast = ann.BreakoutPanel.GetByTestId("breakout-broadcast");
        await Expect(broadcast).ToHaveTextAsync("Van de host: Nog twee minuten, rond maar af.");
        await Expect(broadcast).ToBeInViewportAsync();
        await Expect(ann.ByTestId("moment-announcer")).ToHaveTextAsync("Van de host: Nog twee minuten, rond maar af.");
    }

    [Fact]
    public async Task SomeoneWaitingAloneIsToldWhyAndCanGoToTheCoffeeQueueFromThePanel()
    {
        var ev = await Scene.CreateEventAsync(meetingMode: MeetingModes.External);
        var opening = HostConsole.OpenAsync(Scene, ev);
        var ann = await JoinOnPhoneAsync(ev, Person.Ann, "en-US");
        await using var zoe = await SomeoneWhoBlockedAsync(ev, ann.AttendeeId);
        var host = await opening;

        await host.StartRoundAsync();

        var waiting = ann.BreakoutPanel.GetByTestId("breakout-waiting");
        await Expect(waiting).ToContainTextAsync("Everyone else in this round is already talking to someone");
        await Expect(ann.BreakoutPanel).ToBeFocusedAsync();
        await Expect(ann.ByTestId("moment-announcer")).ToContainTextAsync("Nobody is free to meet you yet");
        await ann.BreakoutPanel.GetByTestId("breakout-waiting-coffee").ClickAsync();
        await Expect(ann.BreakoutPanel).ToBeHiddenAsync();
        await Expect(ann.ByTestId("coffee-status")).ToHaveTextAsync("Waiting for a coffee partner… (1 waiting)");
        await Expect(ann.ByTestId("coffee-queue")).ToHaveTextAsync("Stop waiting");
    }

    [Fact]
    public async Task AfterAMutualMatchTheDutchFollowUpButtonSaysSoAndStaysInsideA390PixelCard()
    {
        var (_, host, ann, bram) = await AnnOnAPhoneWithBramAsync("nl-NL");
        await host.StartRoundAsync();
        var card = ann.Partner(bram.AttendeeId);
        var followUp = card.GetByTestId("follow-up");

        await followUp.ClickAsync();
        // The longest text it has: Dutch, while waiting for the other.
        await Expect(followUp).ToHaveTextAsync("Gevraagd: je hoort het als het wederzijds is");
        await AssertInsideAsync(followUp, card);
        await bram.Partner(ann.AttendeeId).GetByTestId("follow-up").ClickAsync();

        await Expect(followUp).ToHaveTextAsync("Wederzijds");
        await Expect(followUp).ToBeDisabledAsync();
        await Expect(ann.Page.Locator($"[data-testid=\"follow-up-contact\"][data-attendee-id=\"{bram.AttendeeId}\"]")).ToContainTextAsync(Person.Bram.Contact!);
        await AssertInsideAsync(followUp, card);
    }

    [Fact]
    public async Task APartnerWhoseConnectionDropsIsShownAsLostAtOnceAndAsBackWhenTheyReturn()
    {
        var (ev, host, ann, bram) = await AnnOnAPhoneWithBramAsync("en-US");
        await host.StartRoundAsync();
        var bramsCard = ann.Partner(bram.AttendeeId);
        await Expect(bramsCard).ToBeVisibleAsync();
        await Expect(bram.Partner(ann.AttendeeId)).ToBeVisibleAsync();

        await bram.Page.CloseAsync();

        // Sooner than the presence grace (5 s), let alone the time after which he would count as gone.
        await Expect(bramsCard.GetByTestId("partner-connection")).ToHaveTextAsync("Connection lost, waiting for them…", new() { Timeout = 4000 });
        var again = await Scene.OpenTabAsync(bram.Page, Person.Bram.Name);
        await again.GotoAsync(ev.JoinLink.ToString());
        await again.GetByTestId("continue-as").ClickAsync();
        await Expect(bramsCard.GetByTestId("partner-connection")).ToBeHiddenAsync();
        await Expect(bramsCard).ToBeVisibleAsync();
    }

    /// <summary>A new event with its host console open, Ann on a phone in the given language and Bram at a desktop.</summary>
    private async Task<(EventLinks Event, HostConsole Host, RoomPage Ann, RoomPage Bram)> AnnOnAPhoneWithBramAsync(string language)
    {
        var ev = await Scene.CreateEventAsync(meetingMode: MeetingModes.External);
        var opening = HostConsole.OpenAsync(Scene, ev);
        var ann = await JoinOnPhoneAsync(ev, Person.Ann, language);
        var bram = await RoomPage.JoinAsync(Scene, ev, Person.Bram);
        return (ev, await opening, ann, bram);
    }

    /// <summary>
    /// A round needs two people open for networking. For Ann to wait alone, the second is Zoë (a .NET client, as the
    /// page is not what is tested), who blocked her: the round starts and neither is grouped.
    /// </summary>
    private async Task<EventConnection> SomeoneWhoBlockedAsync(EventLinks ev, string attendeeId)
    {
        using var http = new HttpClient { BaseAddress = Scene.BaseAddress };
        var zoe = await new NetwerkLiveApi(http).RegisterAsync(ev.EventId, new RegisterAttendeeRequest("Zoë de Wit", "Zuid"));
        var connection = EventConnection.Create(Scene.BaseAddress, zoe.Token);
        await connection.StartAsync();
        await connection.Join();
        await connection.BlockAttendee(attendeeId);
        return connection;
    }

    private async Task<RoomPage> JoinOnPhoneAsync(EventLinks ev, Person person, string language)
    {
        var page = await Scene.OpenBrowserAsync(person.Name, PhoneScreen.Size, phone: true, language);
        await MomentProbe.InstallAsync(page);
        return await RoomPage.JoinOnAsync(page, ev, person);
    }

    /// <summary>Scrolled down to the chat and typing, as people are during a talk: the top of the room is out of sight.</summary>
    private static async Task ReadTheChatAsync(RoomPage page)
    {
        await page.ByTestId("chat-input").FocusAsync();
        await page.ByTestId("chat-input").ScrollIntoViewIfNeededAsync();
        await Expect(page.ByTestId("livestream-box")).Not.ToBeInViewportAsync();
    }

    private static IReadOnlyList<string> SinceFirst(string[] titles, string prefix) =>
        [.. titles.SkipWhile(t => !t.StartsWith(prefix, StringComparison.Ordinal))];

    private static async Task AssertInsideAsync(ILocator inner, ILocator outer)
    {
        var box = await inner.BoundingBoxAsync() ?? throw new InvalidOperationException($"{inner} has no box.");
        var frame = await outer.BoundingBoxAsync() ?? throw new InvalidOperationException($"{outer} has no box.");
        Assert.True(box.X >= frame.X && box.X + box.Width <= frame.X + frame.Width && box.X + box.Width <= PhoneScreen.Width,
            $"The button spans x={box.X}..{box.X + box.Width}, outside its card (x={frame.X}..{frame.X + frame.Width}) or the 390 px screen.");
        // The words too: a button clamped to the card with its text running out of it is no better.
        var overflow = await inner.EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth");
        Assert.True(overflow <= 0, $"The button's words run {overflow} px past its edge.");
    }
}
