using System.Net;
using System.Net.Http.Json;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Limits;

/// <summary>The HTTP limits that need a server configured (or clocked) their own way.</summary>
public sealed class HttpLimitSettingsTests
{
    private static Task<HttpResponseMessage> CreateEventAsync(HttpClient http) =>
        http.PostAsJsonAsync("/api/events", new CreateEventRequest("Bedrijvenkring live"));

    private static async Task ExhaustEventCreationAsync(HttpClient http)
    {
        for (var i = 0; i < 20; i++)
        {
            using var created = await CreateEventAsync(http);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
    }

    [Fact]
    public async Task XForwardedForFromAPeerThatIsNotAKnownProxyIsIgnored()
    {
        // The peer (127.0.0.1) is not the configured proxy, so whatever it forwards is not believed.
        await using var factory = new NetwerkLiveFactory().WithDefaultLimits().With("Limits:KnownProxies:0", "10.255.0.1");
        using var first = factory.HttpFrom("192.0.2.1");
        await ExhaustEventCreationAsync(first);

        using var claimsToBeAnother = factory.HttpFrom("192.0.2.2");
        using var response = await CreateEventAsync(claimsToBeAnother);

        await Problems.AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task WithoutAnyKnownProxyXForwardedForIsIgnored()
    {
        await using var factory = new NetwerkLiveFactory().WithDefaultLimits().Without("Limits:KnownProxies:0");
        using var first = factory.HttpFrom("192.0.2.1");
        await ExhaustEventCreationAsync(first);

        using var claimsToBeAnother = factory.HttpFrom("192.0.2.2");
        using var response = await CreateEventAsync(claimsToBeAnother);

        await Problems.AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task AfterTheRetryAfterHasPassedTheClientCreatesAnEventAgain()
    {
        await using var factory = new FakeClockFactory();
        factory.WithDefaultLimits();
        using var http = factory.HttpFrom("192.0.2.1");
        await ExhaustEventCreationAsync(http);
        using var refused = await CreateEventAsync(http);
        Assert.Equal(TimeSpan.FromMinutes(3), refused.Headers.RetryAfter?.Delta);

        factory.Clock.Advance(TimeSpan.FromMinutes(3) - TimeSpan.FromSeconds(1));
        using var stillRefused = await CreateEventAsync(http);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using var created = await CreateEventAsync(http);

        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task RegistrationForAFullEventIsRefusedWith409AndASentence()
    {
        await using var factory = new NetwerkLiveFactory().With("Limits:MaxAttendeesPerEvent", "3");
        var created = await factory.CreateEventAsync();
        await factory.Api.RegisterAsync(created.EventId, new RegisterAttendeeRequest("Ann"));
        await factory.Api.RegisterAsync(created.EventId, new RegisterAttendeeRequest("Bob"));

        using var http = factory.CreateClient();
        using var refused = await http.PostAsJsonAsync($"/api/events/{created.EventId}/attendees", new RegisterAttendeeRequest("Cas"));

        var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal("This event is full: it takes at most 3 people. Ask the host whether there will be room later.", problem.GetProperty("detail").GetString());
    }
}
