using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NetwerkLive.BrowserTests.Infrastructure;
using NetwerkLive.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>The join page keeps the person token per series and sends it at the next event of the series.</summary>
[Collection(RoomSuite.Name)]
public sealed class PersonTokenTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task TheSameBrowserIsTheSamePersonAtTheNextEventOfTheSeries()
    {
        var first = await Scene.CreateEventAsync();
        var next = await ContinueAsync(first);
        var ann = new Person("Ann", "Hoya", null, null);
        var page = await Scene.OpenBrowserAsync(ann.Name);

        await JoinAsync(page, first, ann);
        var personAtFirst = await StoredPersonAsync(page, first);
        await JoinAsync(page, next, ann);

        // Had the page not sent its person token, the server would have made a new person.
        Assert.Equal(personAtFirst, await StoredPersonAsync(page, next));
    }

    private static async Task JoinAsync(IPage page, EventLinks ev, Person person)
    {
        await page.GotoAsync(ev.JoinLink.ToString());
        await RoomPage.FillJoinFormAsync(page, person);
        await page.GetByTestId("join").ClickAsync();
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");
    }

    /// <summary>The person (the token's <c>sub</c>) the page keeps for the event's series in localStorage.</summary>
    private async Task<string> StoredPersonAsync(IPage page, EventLinks ev)
    {
        using var http = new HttpClient { BaseAddress = Scene.BaseAddress };
        var summary = await http.GetFromJsonAsync<EventSummary>($"/api/events/{ev.EventId}")
            ?? throw new InvalidOperationException("GET /api/events/{id} returned no body.");
        var token = await page.EvaluateAsync<string?>("key => localStorage.getItem(key)", $"netwerklive:person:{summary.SeriesKey}")
            ?? throw new InvalidOperationException($"After joining, localStorage has no person token under netwerklive:person:{summary.SeriesKey}.");
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        return payload.RootElement.GetProperty("sub").GetString()!;
    }

    private async Task<EventLinks> ContinueAsync(EventLinks earlier)
    {
        using var http = new HttpClient { BaseAddress = Scene.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = JsonContent.Create(new CreateEventRequest("Bedrijvenkring, de maand erna", ContinuesEventId: earlier.EventId)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Uri.UnescapeDataString(earlier.HostLink.Fragment["#token=".Length..]));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreateEventResponse>()
            ?? throw new InvalidOperationException("POST /api/events returned no body.");
        return new EventLinks(created.EventId, new Uri(Scene.BaseAddress, $"/e/{created.EventId}/host#token={created.HostToken}"), new Uri(created.JoinUrl));
    }
}
