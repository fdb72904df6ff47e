using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// The pages speak the person's language: Dutch for a browser set to Dutch, else English; the switch in
/// the header overrides that, is remembered, re-writes every text without a reload, and what the page
/// asks the server from then on (API calls, the hub, the CSV) carries the language.
/// </summary>
[Collection(RoomSuite.Name)]
public sealed class LanguageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("nl-NL", "nl", "Meedoen")]
    [InlineData("nl-BE", "nl", "Meedoen")]
    [InlineData("en-US", "en", "Join")]
    [InlineData("de-DE", "en", "Join")]
    public async Task TheBrowsersOwnLanguagePicksThePagesLanguage(string browserLanguage, string pageLanguage, string joinButton)
    {
        var ev = await Scene.CreateEventAsync();
        var page = await Scene.OpenBrowserAsync("visitor", language: browserLanguage);

        await page.GotoAsync(ev.JoinLink.ToString());

        await Expect(page.GetByTestId("join")).ToHaveTextAsync(joinButton);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", pageLanguage);
        await Expect(page.GetByTestId($"language-{pageLanguage}")).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task TheSwitchTurnsTheRoomDutchWithoutAReloadAndTheChoiceIsRemembered()
    {
        var ev = await Scene.CreateEventAsync();
        var ann = await RoomPage.JoinAsync(Scene, ev, Person.Ann);
        await ann.SendChatAsync("Goedemiddag allemaal");
        var time = ann.ChatMessage("Goedemiddag allemaal").Locator("time");
        await Expect(time).ToHaveTextAsync(new Regex("(AM|PM)$")); // English clock
        await ann.Page.EvaluateAsync("() => { window.notReloaded = true; }");

        await ann.ByTestId("language-nl").ClickAsync();

        await Expect(ann.Page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Expect(ann.ByTestId("language-nl")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(ann.ByTestId("language-en")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(ann.ByTestId("chat-send")).ToHaveTextAsync("Versturen"); // a fixed text of the page
        await Expect(ann.AttendeeEntry(ann.AttendeeId).Locator(".you")).ToHaveTextAsync("(jij)"); // a text the room wrote
        await Expect(ann.AttendeeEntry(ann.AttendeeId).Locator(".badge-available")).ToHaveTextAsync("Open voor netwerken");
        await Expect(ann.ByTestId("chat-list")).ToHaveAttributeAsync("aria-label", "Chatberichten");
        await Expect(time).ToHaveTextAsync(new Regex(@"^\d{2}:\d{2}$")); // the Dutch clock, 24 hours
        Assert.True(await ann.Page.EvaluateAsync<bool>("() => window.notReloaded === true"), "Switching the language reloaded the page.");
        await Expect(ann.ConnectionState).ToHaveTextAsync("live");

        // An English browser, but the person chose Dutch: a reload stays Dutch.
        await ann.Page.ReloadAsync();
        await Expect(ann.ConnectionState).ToHaveTextAsync("live");
        await Expect(ann.ByTestId("chat-send")).ToHaveTextAsync("Versturen");
        await Expect(ann.Page.Locator("html")).ToHaveAttributeAsync("lang", "nl");

        await ann.ByTestId("language-en").ClickAsync();
        await Expect(ann.ByTestId("chat-send")).ToHaveTextAsync("Send");
        await Expect(ann.AttendeeEntry(ann.AttendeeId).Locator(".you")).ToHaveTextAsync("(you)");
    }

    [Fact]
    public async Task AfterASwitchTheApiCallsAndTheHubConnectionCarryTheNewLanguage()
    {
        var ev = await Scene.CreateEventAsync();
        var page = await Scene.OpenBrowserAsync("Ann", language: "en-US", timeZone: "Europe/Amsterdam");
        var requests = new ConcurrentQueue<IRequest>();
        page.Request += (_, request) => requests.Enqueue(request);
        await page.GotoAsync(ev.JoinLink.ToString());
        await Expect(page.GetByTestId("join")).ToHaveTextAsync("Join");
        Assert.Contains($"/api/events/{ev.EventId}?lang=en", string.Join("\n", requests.Select(r => r.Url)), StringComparison.Ordinal);

        await page.GetByTestId("language-nl").ClickAsync();
        await RoomPage.FillJoinFormAsync(page, Person.Ann);
        await page.GetByTestId("join").ClickAsync();
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");

        var registration = Assert.Single(requests, r => r.Method == "POST" && r.Url.Contains("/attendees", StringComparison.Ordinal));
        Assert.Contains("lang=nl", registration.Url, StringComparison.Ordinal);
        Assert.StartsWith("nl", (await registration.AllHeadersAsync())["accept-language"], StringComparison.Ordinal);
        var negotiate = Assert.Single(requests, r => r.Url.Contains("/hubs/event/negotiate", StringComparison.Ordinal));
        Assert.Contains("lang=nl", negotiate.Url, StringComparison.Ordinal);
        // And the browser's time zone, for the times in the hub's refusals.
        Assert.Contains("tz=Europe%2FAmsterdam", negotiate.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterASwitchTheHubsReconnectCarriesTheNewLanguage()
    {
        var ev = await Scene.CreateEventAsync();
        var page = await Scene.OpenBrowserAsync("Ann", language: "en-US");
        Scene.ExpectConsoleErrors("Ann", new Regex("WebSocket closed with status code: 4000")); // SignalR's own line about the loss
        IWebSocketRoute? socket = null;
        await page.RouteWebSocketAsync(new Regex("/hubs/event"), route =>
        {
            socket = route;
            route.ConnectToServer();
        });
        var negotiations = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/hubs/event/negotiate", StringComparison.Ordinal))
            {
                negotiations.Enqueue(request.Url);
            }
        };
        await page.GotoAsync(ev.JoinLink.ToString());
        await RoomPage.FillJoinFormAsync(page, Person.Ann);
        await page.GetByTestId("join").ClickAsync();
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");
        Assert.Contains("lang=en", Assert.Single(negotiations), StringComparison.Ordinal);

        await page.GetByTestId("language-nl").ClickAsync();
        await socket!.CloseAsync(new() { Code = 4000, Reason = "the network dropped" }); // the connection is lost

        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");
        Assert.Equal(2, negotiations.Count);
        Assert.Contains("lang=nl", negotiations.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHostConsoleAsksForTheCsvInTheHostsLanguageAndTimeZoneAndSwitchesWithoutAReload()
    {
        var ev = await Scene.CreateEventAsync();
        var page = await Scene.OpenBrowserAsync("host", language: "nl-NL", timeZone: "America/Curacao");
        var csvRequests = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("format=csv", StringComparison.Ordinal))
            {
                csvRequests.Enqueue(request.Url);
            }
        };
        await page.GotoAsync(ev.HostLink.ToString());
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");
        await Expect(page.GetByTestId("host-round-info")).ToHaveTextAsync("Er loopt geen ronde.");
        await Expect(page.GetByTestId("host-report").Locator("[data-figure=rounds] dt")).ToHaveTextAsync("Rondes");
        await Expect(page.GetByTestId("host-report-csv")).ToHaveAttributeAsync("download", new Regex("-verslag\\.csv$"));
        Assert.Contains(csvRequests, url => url.Contains("tz=America%2FCuracao", StringComparison.Ordinal) && url.Contains("lang=nl", StringComparison.Ordinal));

        await page.GetByTestId("language-en").ClickAsync();

        await Expect(page.GetByTestId("host-round-info")).ToHaveTextAsync("No round running.");
        await Expect(page.GetByTestId("host-report").Locator("[data-figure=rounds] dt")).ToHaveTextAsync("Rounds");
        await Expect(page.GetByTestId("host-report-csv")).ToHaveAttributeAsync("download", new Regex("-report\\.csv$"));
        Assert.Contains(csvRequests, url => url.Contains("lang=en", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLandingPageSwitchesLanguageAndKeepsWhatWasTyped()
    {
        var page = await Scene.OpenBrowserAsync("host", language: "en-US");
        await page.GotoAsync("/");
        await page.GetByTestId("event-title").FillAsync("Bedrijvenkring live");

        await page.GetByTestId("language-nl").ClickAsync();

        await Expect(page.GetByTestId("create-event")).ToHaveTextAsync("Evenement aanmaken");
        await Expect(page.GetByTestId("event-title")).ToHaveValueAsync("Bedrijvenkring live");
        await Expect(page.GetByTestId("livestream-url")).ToHaveAttributeAsync("placeholder", "https://www.youtube.com/embed/…");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
    }
}
