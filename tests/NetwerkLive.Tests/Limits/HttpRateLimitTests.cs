using System.Net;
using System.Net.Http.Json;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Limits;

/// <summary>
/// The HTTP API per client address, with the defaults: 20 events per hour, 30 registrations per event and
/// 100 in all per hour, 120 reads and 120 hub requests per minute. Each test is a client of its own.
/// </summary>
public sealed class HttpRateLimitTests(DefaultLimitsFactory factory) : IClassFixture<DefaultLimitsFactory>
{
    private readonly string _client = DefaultLimitsFactory.NewClientAddress();

    private static Task<HttpResponseMessage> CreateEventAsync(HttpClient http) =>
        http.PostAsJsonAsync("/api/events", new CreateEventRequest("Bedrijvenkring live"));

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient http, string eventId, int i) =>
        http.PostAsJsonAsync($"/api/events/{eventId}/attendees", new RegisterAttendeeRequest($"Deelnemer {i}", "Bedrijf"));

    private static async Task<List<HttpStatusCode>> RepeatAsync(int times, Func<int, Task<HttpResponseMessage>> send)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            using var response = await send(i);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    private async Task<string> NewEventIdAsync() => (await factory.ApiFrom(DefaultLimitsFactory.NewClientAddress()).CreateEventAsync(new CreateEventRequest("Bedrijvenkring live"))).EventId;

    [Fact]
    public async Task TheTwentyFirstEventFromOneClientWithinAnHourIsRefusedWith429ProblemAndRetryAfter()
    {
        using var http = factory.HttpFrom(_client);
        Assert.All(await RepeatAsync(20, _ => CreateEventAsync(http)), status => Assert.Equal(HttpStatusCode.Created, status));

        using var refused = await CreateEventAsync(http);

        var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many events were created from your network: at most 20 per hour", problem.GetProperty("detail").GetString());
        // One event's worth comes back every 3 minutes.
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(3));
    }

    [Fact]
    public async Task AnotherClientStillCreatesEventsWhileOneIsRefused()
    {
        using var http = factory.HttpFrom(_client);
        await RepeatAsync(21, _ => CreateEventAsync(http));

        using var other = factory.HttpFrom(DefaultLimitsFactory.NewClientAddress());
        using var response = await CreateEventAsync(other);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task TheThirtyFirstRegistrationFromOneClientForOneEventIsRefused()
    {
        var eventId = await NewEventIdAsync();
        using var http = factory.HttpFrom(_client);
        Assert.All(await RepeatAsync(30, i => RegisterAsync(http, eventId, i)), status => Assert.Equal(HttpStatusCode.Created, status));

        using var refused = await RegisterAsync(http, eventId, 31);

        var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many registrations for this event come from your network: at most 30 per hour", problem.GetProperty("detail").GetString());
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task AClientRefusedForOneEventStillRegistersForAnother()
    {
        var full = await NewEventIdAsync();
        var other = await NewEventIdAsync();
        using var http = factory.HttpFrom(_client);
        await RepeatAsync(31, i => RegisterAsync(http, full, i));

        using var response = await RegisterAsync(http, other, 1);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task TheHundredAndFirstRegistrationFromOneClientAcrossEventsIsRefused()
    {
        var events = new[] { await NewEventIdAsync(), await NewEventIdAsync(), await NewEventIdAsync(), await NewEventIdAsync() };
        using var http = factory.HttpFrom(_client);
        var statuses = await RepeatAsync(100, i => RegisterAsync(http, events[i / 30], i));
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Created, status));

        using var refused = await RegisterAsync(http, events[3], 101);

        var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many registrations come from your network: at most 100 per hour", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ReadingAnEventIsRefusedOnlyAfterAHundredAndTwentyReadsAMinute()
    {
        var eventId = await NewEventIdAsync();
        using var http = factory.HttpFrom(_client);
        Assert.All(await RepeatAsync(120, _ => http.GetAsync(new Uri($"/api/events/{eventId}", UriKind.Relative))),
            status => Assert.Equal(HttpStatusCode.OK, status));

        using var refused = await http.GetAsync(new Uri($"/api/events/{eventId}", UriKind.Relative));

        var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("at most 120 per minute", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task HubNegotiationsFromOneClientAreRefusedAfterAHundredAndTwentyAMinute()
    {
        var registration = await factory.ApiFrom(DefaultLimitsFactory.NewClientAddress()).RegisterAsync(await NewEventIdAsync(), new RegisterAttendeeRequest("Ann"));
        using var http = factory.HttpFrom(_client);
        var negotiate = new Uri($"{HubRoutes.Event}/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(registration.Token)}", UriKind.Relative);
        Assert.All(await RepeatAsync(120, _ => http.PostAsync(negotiate, null)), status => Assert.Equal(HttpStatusCode.OK, status));

        using var refused = await http.PostAsync(negotiate, null);

        var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many connections are being opened from your network", problem.GetProperty("detail").GetString());
    }
}
