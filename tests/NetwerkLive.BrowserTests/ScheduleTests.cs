using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetwerkLive.BrowserTests.Infrastructure;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// The event before it starts: what the join page says about it, the calendar file, the lobby with its countdown,
/// and the lobby turning into the room (the host goes live, or the start time passes) without a reload.
/// </summary>
[Collection(RoomSuite.Name)]
public sealed partial class ScheduleTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Amsterdam = "Europe/Amsterdam";
    private static readonly TimeZoneInfo AmsterdamZone = TimeZoneInfo.FindSystemTimeZoneById(Amsterdam);

    /// <summary>Tomorrow at 19:30 in Amsterdam (a time the page must show as 7:30 PM there, whatever the server's zone).</summary>
    private static DateTimeOffset TomorrowEvening()
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, AmsterdamZone).Date.AddDays(1).AddHours(19).AddMinutes(30);
        return new DateTimeOffset(local, AmsterdamZone.GetUtcOffset(local));
    }

    private async Task<(CreateEventResponse Created, EventLinks Links)> CreateAsync(CreateEventRequest request)
    {
        using var http = new HttpClient { BaseAddress = Scene.BaseAddress };
        var response = await http.PostAsJsonAsync("/api/events", request);
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<CreateEventResponse>())!;
        return (created, new EventLinks(created.EventId, new Uri(Scene.BaseAddress, $"/e/{created.EventId}/host#token={created.HostToken}"), new Uri(created.JoinUrl)));
    }

    /// <summary>Someone in the room as a .NET SignalR client: the browser is not what is tested for them.</summary>
    private async Task<(EventConnection Connection, JoinResult Join)> JoinFromDotNetAsync(string eventId, string name, string[] interests)
    {
        using var http = new HttpClient { BaseAddress = Scene.BaseAddress };
        var registration = await new NetwerkLiveApi(http).RegisterAsync(eventId, new RegisterAttendeeRequest(name, "Vitens", interests));
        var connection = EventConnection.Create(Scene.BaseAddress, registration.Token);
        await connection.StartAsync();
        return (connection, await connection.Join());
    }

    // Tomorrow evening is 19 to 44 hours away: a day and hours, or hours and minutes (the two largest units), then the numbers.
    [GeneratedRegex(@"^Starts in (1 day( and \d+ hours?)?|\d+ hours?( and \d+ minutes?)?) \(\d+:\d\d:\d\d\)$")]
    private static partial Regex CountdownHoursAhead();

    [GeneratedRegex(@"^Begint over (1 dag( en \d+ uur)?|\d+ uur( en \d+ minuut| en \d+ minuten)?) \(\d+:\d\d:\d\d\)$")]
    private static partial Regex DutchCountdownHoursAhead();

    [Fact]
    public async Task AnEarlyGuestSeesTheStartTimeAndTagsGetsTheCalendarFileWaitsInTheLobbyAndEntersTheRoomWhenTheHostGoesLive()
    {
        var startsAt = TomorrowEvening();
        var (_, ev) = await CreateAsync(new CreateEventRequest("Voorjaarsborrel", "https://example.org/live/borrel", "https://meet.jit.si/netwerk-{room}",
            MeetingMode: MeetingModes.External, StartsAt: startsAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            Description: "Netwerken met ondernemers uit de regio.", InterestTags: ["Duurzaamheid", "Financiën"], AllowOwnInterests: false));
        var page = await Scene.OpenBrowserAsync("Ann", timeZone: Amsterdam, bypassCsp: true);
        await page.GotoAsync(ev.JoinLink.ToString());

        // The join page: when (in the guest's zone and language), what about, and the host's tags to tick (no free text).
        await Expect(page.GetByTestId("event-starts-at")).ToHaveTextAsync(
            $"Starts: {startsAt.ToString("dddd, MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"))} at 7:30 PM");
        await Expect(page.GetByTestId("event-description")).ToHaveTextAsync("Netwerken met ondernemers uit de regio.");
        await Expect(page.GetByTestId("interest-tag")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("interests")).ToBeHiddenAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the join form with a start time and tags");

        // "Add to calendar" downloads the event's ICS file.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("event-calendar-link").ClickAsync());
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("SUMMARY:Voorjaarsborrel\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{startsAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\n", ics, StringComparison.Ordinal);

        await page.GetByTestId("display-name").FillAsync("Ann de Vries");
        await page.GetByTestId("interest-tag-list").GetByLabel("Duurzaamheid").CheckAsync(); // the ask and offer have the same tags
        await page.GetByTestId("join").ClickAsync();

        // The lobby: a countdown that ticks, who else is here, the chat; no livestream or networking yet.
        var countdown = page.GetByTestId("lobby-countdown");
        await Expect(countdown).ToHaveTextAsync(CountdownHoursAhead());
        var shown = await countdown.TextContentAsync();
        await Expect(countdown).Not.ToHaveTextAsync(shown!);
        await Expect(page.GetByTestId("livestream-box")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("available-toggle")).ToBeHiddenAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the lobby");
        var (bram, bramJoin) = await JoinFromDotNetAsync(ev.EventId, "Bram Jansen", ["financiën"]);
        await using var _ = bram;
        Assert.Equal(["Duurzaamheid"], Assert.Single(bramJoin.Attendees, a => a.DisplayName == "Ann de Vries").Interests);
        await Expect(page.GetByTestId("attendee-list")).ToContainTextAsync("Bram Jansen");
        var annSays = new TaskCompletionSource<ChatMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        bram.ChatReceived += message =>
        {
            if (message.Text == "Ja, koffie staat klaar")
            {
                annSays.TrySetResult(message);
            }
        };
        await bram.SendChat("Hoi Ann, ook zo vroeg?");
        await Expect(page.GetByTestId("chat-list")).ToContainTextAsync("Hoi Ann, ook zo vroeg?");
        await page.GetByTestId("chat-input").FillAsync("Ja, koffie staat klaar");
        await page.GetByTestId("chat-send").ClickAsync();
        Assert.Equal("Ann de Vries", (await annSays.Task.WaitAsync(TimeSpan.FromSeconds(15))).SenderName);

        // The host goes live from the console: the lobby becomes the room in the same page (no reload).
        await page.EvaluateAsync("() => { window.stillThePage = true; }");
        var host = await HostConsole.OpenAsync(Scene, ev);
        await host.ByTestId("host-go-live").ClickAsync();
        await Expect(host.ByTestId("host-go-live-status")).ToHaveTextAsync("The room is open.");
        await Expect(page.GetByTestId("lobby")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("livestream")).ToHaveAttributeAsync("href", "https://example.org/live/borrel");
        await Expect(page.GetByTestId("available-toggle")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillThePage === true"));
    }

    [Fact]
    public async Task AnEventCreatedOnTheLandingPageWithAStartTimeOpensItsLobbyWhenThePagesClockPassesItOrWhenARoundStarts()
    {
        var startsAt = TomorrowEvening();
        var hostPage = await Scene.OpenBrowserAsync("host", timeZone: Amsterdam);
        await hostPage.GotoAsync("/");
        await hostPage.GetByTestId("event-title").FillAsync("Voorjaarsborrel");
        await hostPage.GetByTestId("meeting-mode-external").CheckAsync();
        await hostPage.GetByTestId("meeting-url-template").FillAsync("https://meet.jit.si/netwerk-{room}");
        // datetime-local: the browser's own time, sent with the browser's offset.
        await hostPage.GetByTestId("event-starts-at").FillAsync(startsAt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await hostPage.GetByTestId("event-description").FillAsync("Netwerken met ondernemers uit de regio.");
        await hostPage.GetByTestId("event-interest-tags").FillAsync("Duurzaamheid, Financiën");
        await hostPage.GetByTestId("create-event").ClickAsync();
        await Expect(hostPage.GetByTestId("host-link")).ToHaveAttributeAsync("href", new Regex("#token=.+$"));
        var joinLink = (await hostPage.GetByTestId("join-link").GetAttributeAsync("href"))!;
        var hostToken = Uri.UnescapeDataString((await hostPage.GetByTestId("host-link").GetAttributeAsync("href"))!.Split("#token=")[1]);
        using var http = new HttpClient { BaseAddress = Scene.BaseAddress };
        var summary = (await http.GetFromJsonAsync<EventSummary>($"/api/events/{joinLink[(joinLink.LastIndexOf('/') + 1)..]}"))!;
        Assert.Equal((startsAt.ToUnixTimeMilliseconds(), "Netwerken met ondernemers uit de regio.", true), (summary.StartsAt, summary.Description, summary.AllowOwnInterests));
        Assert.Equal(["Duurzaamheid", "Financiën"], summary.InterestTags);

        // Ann's clock is her page's own: it runs as usual until the test moves it past the start time. Chris's is real,
        // and his browser Dutch: his lobby counts down in Dutch.
        var ann = await Scene.OpenBrowserAsync("Ann", timeZone: Amsterdam);
        await ann.Clock.InstallAsync();
        var chris = await Scene.OpenBrowserAsync("Chris", language: "nl-NL", timeZone: Amsterdam);
        // Dewi's phone clock runs two days fast: by it the start has passed, but the page counts on the server's clock
        // (the Date header of its API answers), so she waits in the lobby like the others.
        var dewi = await Scene.OpenBrowserAsync("Dewi", timeZone: Amsterdam);
        await dewi.Clock.InstallAsync(new() { TimeDate = DateTime.UtcNow.AddDays(2) });
        foreach (var (page, name, countdown) in new[]
        {
            (ann, "Ann de Vries", CountdownHoursAhead()), (chris, "Chris Bakker", DutchCountdownHoursAhead()), (dewi, "Dewi Smit", CountdownHoursAhead()),
        })
        {
            await page.GotoAsync(joinLink);
            await page.GetByTestId("display-name").FillAsync(name);
            await page.GetByTestId("interests").FillAsync("zeilen");
            await page.GetByTestId("join").ClickAsync();
            await Expect(page.GetByTestId("lobby-countdown")).ToHaveTextAsync(countdown);
            await Expect(page.GetByTestId("livestream-box")).ToBeHiddenAsync();
        }

        await ann.Clock.SetSystemTimeAsync(startsAt.UtcDateTime.AddSeconds(1));

        await Expect(ann.GetByTestId("lobby")).ToBeHiddenAsync();
        await Expect(ann.GetByTestId("livestream-box")).ToBeVisibleAsync();
        await Expect(chris.GetByTestId("lobby")).ToBeVisibleAsync();
        await Expect(dewi.GetByTestId("lobby")).ToBeVisibleAsync();

        // Chris's start time is still a day away, but a round starting means the event runs: his lobby opens too.
        await using var host = EventConnection.Create(Scene.BaseAddress, hostToken);
        await host.StartAsync();
        await host.Join();
        await host.StartRound(60, 2);

        await Expect(chris.GetByTestId("lobby")).ToBeHiddenAsync();
        await Expect(chris.GetByTestId("breakout-panel")).ToBeVisibleAsync();
    }
}
