using System.Globalization;
using System.Text.RegularExpressions;
using NetwerkLive.BrowserTests.Infrastructure;
using NetwerkLive.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// The coffee that actually happens (issue 15), from the attendee page: two people who met and both asked for a
/// follow-up plan a coffee, get the invite, and meet in its private room with the in-page call. The host is a .NET
/// client (the console is not what is tested); the pages are two real Chromium pages in different time zones.
/// </summary>
[Collection(BreakoutSuite.Name)]
public sealed class CoffeeDateTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Amsterdam = "Europe/Amsterdam";
    private const string NewYork = "America/New_York";
    private const int FiveMinutesMs = 5 * 60 * 1000;

    [Fact]
    public async Task TwoWhoMatchedAgreeATimeGetTheInviteInTheirLanguageAndZoneAndMeetInTheCoffeeRoomsCall()
    {
        var ev = await Scene.CreateEventAsync(meetingUrlTemplate: null, meetingMode: MeetingModes.InPage);
        // Ann in English in New York, Bram in Dutch in Amsterdam: the times she types are hers, the ones he reads his.
        var annPage = await Scene.OpenBrowserAsync(Person.Ann.Name, timeZone: NewYork);
        var bramPage = await Scene.OpenBrowserAsync(Person.Bram.Name, language: "nl-NL", timeZone: Amsterdam, bypassCsp: true);
        await Task.WhenAll(CallProbe.InstallAsync(annPage), CallProbe.InstallAsync(bramPage));
        var joined = await Task.WhenAll(RoomPage.JoinOnAsync(annPage, ev, Person.Ann), RoomPage.JoinOnAsync(bramPage, ev, Person.Bram));
        var (ann, bram) = (joined[0], joined[1]);
        await using var host = await HubPerson.HostAsync(Scene, ev);

        // They meet in a round and both ask for a follow-up: it is mutual, and each page gets the coffee with the other.
        await host.StartRound(durationSeconds: 300, groupSize: 2);
        await ann.Partner(bram.AttendeeId).GetByTestId("follow-up").ClickAsync();
        await bram.Partner(ann.AttendeeId).GetByTestId("follow-up").ClickAsync();
        var annsCoffee = CoffeeWith(ann, bram);
        var bramsCoffee = CoffeeWith(bram, ann);
        await Expect(annsCoffee).ToHaveAttributeAsync("data-state", CoffeeDateStates.Open);
        await Expect(bramsCoffee).ToHaveAttributeAsync("data-state", CoffeeDateStates.Open);
        await Expect(bramsCoffee.GetByTestId("coffee-state")).ToHaveTextAsync("Nog geen tijd afgesproken");
        await host.EndRound();
        await Expect(ann.BreakoutPanel).ToBeHiddenAsync();

        // Ann proposes two times a few minutes ahead (on the 5-minute steps of the inputs), so the room, which opens
        // 10 minutes before, is open once one is agreed.
        var first = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / FiveMinutesMs + 2) * FiveMinutesMs;
        var times = new[] { first, first + FiveMinutesMs };
        var inputs = annsCoffee.GetByTestId("coffee-time-input");
        await Expect(inputs).ToHaveCountAsync(3);
        await inputs.Nth(0).FillAsync(LocalInputValue(times[0], NewYork));
        await inputs.Nth(1).FillAsync(LocalInputValue(times[1], NewYork));
        await annsCoffee.GetByTestId("coffee-propose").ClickAsync();

        // Bram reads them in his own zone and language, and accepts the first.
        var accept = bramsCoffee.GetByTestId("coffee-accept");
        await Expect(accept).ToHaveCountAsync(2);
        await Expect(accept.Nth(0)).ToHaveAttributeAsync("data-time", times[0].ToString(CultureInfo.InvariantCulture));
        await Expect(accept.Nth(0)).ToHaveTextAsync(new Regex($"^Kies .+ {TimeOfDay(times[0], Amsterdam)}$"));
        await accept.Nth(0).ClickAsync();

        await Expect(annsCoffee).ToHaveAttributeAsync("data-state", CoffeeDateStates.Agreed);
        await Expect(bramsCoffee).ToHaveAttributeAsync("data-state", CoffeeDateStates.Agreed);
        await Expect(annsCoffee.GetByTestId("coffee-state")).ToContainTextAsync("Agreed: ");
        await Expect(annsCoffee.GetByTestId("coffee-state")).ToContainTextAsync(TimeOfDay(times[0], NewYork, twelveHour: true));
        await Expect(bramsCoffee.GetByTestId("coffee-state")).ToContainTextAsync("Afgesproken: ");
        await Expect(bramsCoffee.GetByTestId("coffee-state")).ToContainTextAsync(TimeOfDay(times[0], Amsterdam));
        await Axe.AssertNoSeriousViolationsAsync(bramPage, "an agreed coffee in the room, in Dutch");

        // Bram's invite: in Dutch, with Ann's name, starting at the agreed time in his zone, with that zone's rules.
        var download = await bramPage.RunAndWaitForDownloadAsync(() => bramsCoffee.GetByTestId("coffee-ics").ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains($"SUMMARY:Online koffie met {Person.Ann.Name}", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID={Amsterdam}:{Local(times[0], Amsterdam):yyyyMMdd'T'HHmmss}", ics, StringComparison.Ordinal);
        Assert.DoesNotContain(Person.Ann.Contact!, ics, StringComparison.Ordinal);

        // The room opened before the agreed time came: the reminder reaches both pages at once, in each one's language
        // and clock. Bram switches his page to English and back: the planner and the reminder follow without a reload.
        await Expect(ann.ByTestId("coffee-reminder-text")).ToHaveTextAsync(
            new Regex($"^Your coffee with {Person.Bram.Name} starts at .*{TimeOfDay(times[0], NewYork, twelveHour: true).TrimStart('0')}.*; the room is open\\.$"));
        await Expect(bram.ByTestId("coffee-reminder-text")).ToHaveTextAsync(
            $"Je koffie met {Person.Ann.Name} begint om {TimeOfDay(times[0], Amsterdam)}; de ruimte is open.");
        // The README's picture of the coffee in Dutch: the agreed time, the invite, the reminder with the way in.
        await bramsCoffee.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(bramPage, "coffee");
        await bram.ByTestId("language-en").ClickAsync();
        await Expect(bramsCoffee.GetByTestId("coffee-state")).ToContainTextAsync("Agreed: ");
        await Expect(bram.ByTestId("coffee-reminder-text")).ToHaveTextAsync(new Regex($"^Your coffee with {Person.Ann.Name} starts at "));
        await bram.ByTestId("language-nl").ClickAsync();
        await Expect(bramsCoffee.GetByTestId("coffee-state")).ToContainTextAsync("Afgesproken: ");

        // Both go in, Ann from the planner and Bram from the reminder, and the in-page call connects between them.
        var annEnters = annsCoffee.GetByTestId("coffee-enter");
        await Expect(annEnters).ToBeEnabledAsync();
        await annEnters.ClickAsync();
        await bram.ByTestId("coffee-reminder-enter").ClickAsync();
        await Expect(bram.ByTestId("coffee-reminder")).ToBeHiddenAsync();
        await Expect(ann.ByTestId("breakout-title")).ToHaveTextAsync($"Coffee with {Person.Bram.Name}");
        await Expect(bram.ByTestId("breakout-title")).ToHaveTextAsync($"Koffie met {Person.Ann.Name}");
        await Expect(ann.Partner(bram.AttendeeId)).ToBeVisibleAsync();
        await Expect(bram.Partner(ann.AttendeeId)).ToBeVisibleAsync();
        await CallProbe.ExpectPlayingAsync(ann, partners: 1);
        await CallProbe.ExpectPlayingAsync(bram, partners: 1);
    }

    private static Microsoft.Playwright.ILocator CoffeeWith(RoomPage page, RoomPage other) =>
        page.Page.Locator($"[data-testid=\"coffee-date\"][data-with=\"{other.AttendeeId}\"]");

    private static DateTime Local(long epochMs, string zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(epochMs), TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime;

    /// <summary>The value a person in <paramref name="zone"/> types into a datetime-local input for that moment.</summary>
    private static string LocalInputValue(long epochMs, string zone) =>
        Local(epochMs, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Hours and minutes as the page writes them on a 24-hour clock (Dutch), or the first part of "09:05 AM" (American
    /// English, whose 12-hour clock agrees with the 24-hour one before noon and not after: hence the format per zone).
    /// </summary>
    private static string TimeOfDay(long epochMs, string zone, bool twelveHour = false) =>
        Local(epochMs, zone).ToString(twelveHour ? "hh:mm" : "HH:mm", CultureInfo.InvariantCulture);
}
