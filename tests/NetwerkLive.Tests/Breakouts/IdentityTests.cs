using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// Who someone is across a series is the person the server issued, recognised only by the person token it
/// handed out: typing someone's contact or name makes nobody that person, and a block tells nothing about who is who.
/// </summary>
public class IdentityTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const string VeraContact = "vera@hoya.example";

    [Fact]
    public async Task BlockingSomeoneAnswersTheSameWhetherOrNotYouTypedTheirContact()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (vera, _) = await live.JoinAsync("Vera", "Hoya", contact: VeraContact);
        var (rightGuess, _) = await live.JoinAsync("Vera", "Hoya", contact: VeraContact.ToUpperInvariant());
        var (wrongGuess, _) = await live.JoinAsync("Vera", "Hoya", contact: "vera@bos.example");

        // Both finish without an answer of their own: neither learns whether its guess was right.
        await rightGuess.Connection.BlockAttendee(vera.AttendeeId);
        await wrongGuess.Connection.BlockAttendee(vera.AttendeeId);
    }

    [Fact]
    public async Task BlockingYourOwnOtherRegistrationIsASilentNoOp()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (laptop, _) = await live.JoinAsync("Ann");
        var (phone, _) = await live.JoinAsync("Ann", personToken: laptop.PersonToken);

        await phone.Connection.BlockAttendee(laptop.AttendeeId);
    }

    [Fact]
    public async Task TypingSomeonesContactDoesNotMakeYouThemForPairingMemory()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (vera, _) = await live.JoinAsync("Vera", "Hoya", contact: VeraContact);
        var (xander, _) = await live.JoinAsync("Xander", "Bakkerij Bos", contact: "xander@bos.example");
        var (impostor, _) = await live.JoinAsync("Vera", "Hoya", contact: VeraContact);
        await impostor.Connection.SetAvailable(false);
        await impostor.Connection.BlockAttendee(xander.AttendeeId);

        var round = await host.Connection.StartRound(60, 2);

        Assert.Equal(1, round.GroupCount);
        Assert.Equal(xander.AttendeeId, Assert.Single((await vera.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId)).Partners).Id);
    }

    [Fact]
    public async Task RegisteringTwiceWithOnePersonTokenIsOnePersonWhoNeverMeetsThemselves()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (laptop, _) = await live.JoinAsync("Ann");
        var (phone, _) = await live.JoinAsync("Ann", personToken: laptop.PersonToken);

        var round = await host.Connection.StartRound(60, 2);

        Assert.Equal(0, round.GroupCount);
        await laptop.BreakoutWaiting.WaitFor(w => w.RoundId == round.RoundId);
        await phone.BreakoutWaiting.WaitFor(w => w.RoundId == round.RoundId);
    }

    [Fact]
    public async Task AChangedPersonTokenIsA400ProblemNamingTheField()
    {
        var created = await factory.CreateEventAsync();
        var ann = await factory.Api.RegisterAsync(created.EventId, new RegisterAttendeeRequest("Ann"));

        using var response = await RegisterAsync(created.EventId, TestTokens.FlipSignatureCharacter(ann.PersonToken));

        await AssertPersonTokenRefusedAsync(response, "is not valid");
    }

    [Fact]
    public async Task APersonTokenEditedToNameAnotherSeriesIsA400Problem()
    {
        var first = await factory.CreateEventAsync();
        var other = await factory.CreateEventAsync("Een ander evenement");
        var ann = await factory.Api.RegisterAsync(first.EventId, new RegisterAttendeeRequest("Ann"));
        var otherSeries = (await factory.Api.GetEventAsync(other.EventId)).SeriesKey;

        using var response = await RegisterAsync(other.EventId, WithClaim(ann.PersonToken, "ser", otherSeries));

        await AssertPersonTokenRefusedAsync(response, "is not valid");
    }

    [Fact]
    public async Task APersonTokenOfAnotherSeriesIsA400Problem()
    {
        var first = await factory.CreateEventAsync();
        var other = await factory.CreateEventAsync("Een ander evenement");
        var ann = await factory.Api.RegisterAsync(first.EventId, new RegisterAttendeeRequest("Ann"));

        using var response = await RegisterAsync(other.EventId, ann.PersonToken);

        await AssertPersonTokenRefusedAsync(response, "belongs to another series of events");
    }

    [Fact]
    public async Task AnEventTokenIsNotAPersonToken()
    {
        var created = await factory.CreateEventAsync();
        var ann = await factory.Api.RegisterAsync(created.EventId, new RegisterAttendeeRequest("Ann"));

        using var response = await RegisterAsync(created.EventId, ann.Token);

        await AssertPersonTokenRefusedAsync(response, "is not valid");
    }

    [Fact]
    public async Task TheSamePersonTokenWorksForEveryEventOfItsSeries()
    {
        var first = await factory.CreateEventAsync();
        var next = await factory.Api.ContinueSeriesAsync(new CreateEventRequest("De maand erna", ContinuesEventId: first.EventId), first.HostToken);
        var ann = await factory.Api.RegisterAsync(first.EventId, new RegisterAttendeeRequest("Ann"));

        var again = await factory.Api.RegisterAsync(next.EventId, new RegisterAttendeeRequest("Ann", PersonToken: ann.PersonToken));

        Assert.Equal((await factory.Api.GetEventAsync(first.EventId)).SeriesKey, (await factory.Api.GetEventAsync(next.EventId)).SeriesKey);
        Assert.False(string.IsNullOrEmpty(again.PersonToken));
    }

    [Fact]
    public async Task ARemovedAttendeeWhoComesBackWithTheirPersonTokenIsRefused()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (bob, _) = await live.JoinAsync("Bob");
        await host.Connection.RemoveAttendee(bob.AttendeeId);

        using var response = await RegisterAsync(live.Id, bob.PersonToken!);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("The host removed you from this event, so you cannot register for it again.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARemovedAttendeeMayRegisterForTheNextEventOfTheSeries()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (bob, _) = await live.JoinAsync("Bob");
        await host.Connection.RemoveAttendee(bob.AttendeeId);
        await using var next = await LiveEvent.ContinueAsync(factory, live);

        using var response = await RegisterAsync(next.Id, bob.PersonToken!);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task TheHostWhoContinuesTheSeriesStaysTheSamePerson()
    {
        var first = await factory.CreateEventAsync();
        var other = await factory.CreateEventAsync("Een ander evenement");

        var next = await factory.Api.ContinueSeriesAsync(new CreateEventRequest("De maand erna", ContinuesEventId: first.EventId), first.HostToken);

        Assert.Equal(Claim(first.PersonToken, "sub"), Claim(next.PersonToken, "sub"));
        Assert.NotEqual(Claim(first.PersonToken, "sub"), Claim(other.PersonToken, "sub"));
    }

    private async Task<HttpResponseMessage> RegisterAsync(string eventId, string personToken) =>
        await factory.CreateClient().PostAsJsonAsync($"/api/events/{eventId}/attendees", new RegisterAttendeeRequest("Ann", PersonToken: personToken));

    private static async Task AssertPersonTokenRefusedAsync(HttpResponseMessage response, string explanation)
    {
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(explanation, problem.GetProperty("errors").GetProperty("personToken")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Register without it to join as a new person.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string? Claim(string token, string claim) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]))![claim]?.GetValue<string>();

    /// <summary>The token with one claim of its payload rewritten, and the signature kept.</summary>
    private static string WithClaim(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload[claim] = value;
        parts[1] = Base64UrlEncoder.Encode(payload.ToJsonString());
        return string.Join('.', parts);
    }
}

/// <summary>A person token lasts Auth:PersonTokenLifetime (365 days by default), on the server's clock.</summary>
public sealed class PersonTokenExpiryTests(PersonTokenExpiryTests.KeepingEventsAYear factory) : IClassFixture<PersonTokenExpiryTests.KeepingEventsAYear>
{
    /// <summary>Events are kept longer than a person token lives, so the event is still there when the token has expired.</summary>
    public sealed class KeepingEventsAYear : FakeClockFactory
    {
        public KeepingEventsAYear() => With("Storage:EventRetention", "400.00:00:00");
    }

    [Fact]
    public async Task APersonTokenOlderThanItsLifetimeIsA400Problem()
    {
        var first = await factory.CreateEventAsync();
        var next = await factory.Api.ContinueSeriesAsync(new CreateEventRequest("Een jaar later", ContinuesEventId: first.EventId), first.HostToken);
        var ann = await factory.Api.RegisterAsync(first.EventId, new RegisterAttendeeRequest("Ann"));

        factory.Clock.Advance(TimeSpan.FromDays(366));

        using var response = await factory.CreateClient().PostAsJsonAsync($"/api/events/{next.EventId}/attendees",
            new RegisterAttendeeRequest("Ann", PersonToken: ann.PersonToken));
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("has expired", problem.GetProperty("errors").GetProperty("personToken")[0].GetString(), StringComparison.Ordinal);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class IdentityOnRedisTests(RedisNetwerkLiveFactory factory) : IdentityTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
