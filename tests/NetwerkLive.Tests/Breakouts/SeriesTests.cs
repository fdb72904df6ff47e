using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// Event series: who may continue one, and that the pairing history and blocks of earlier events count in
/// the next. Four regulars from four companies share interests two by two (Ann and Bob, Cas and Dee), so
/// without any history the pairing engine pairs them the same way every time.
/// </summary>
public class SeriesTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private sealed record Regular(string Name, string Company, string Interest, string Contact);

    private static readonly Regular[] Regulars =
    [
        new("Ann", "Hoya", "AI", "ann@hoya.example"),
        new("Bob", "Bakkerij Bos", "AI", "bob@bos.example"),
        new("Cas", "Coöperatie Zuid", "Zorg", "cas@zuid.example"),
        new("Dee", "De Vries Advies", "Zorg", "dee@vries.example"),
    ];

    private static readonly string[] TheInterestPairing = ["Ann+Bob", "Cas+Dee"];

    /// <summary>The regulars join (spelled as <paramref name="spell"/> says), the host starts a round: the pairs, by the regulars' names.</summary>
    private static async Task<string[]> RoundOfRegularsAsync(LiveEvent live, bool withContact = true, Func<string, string>? spell = null)
    {
        spell ??= s => s;
        var (host, _) = await live.JoinAsHostAsync();
        var nameOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var clients = new List<(string Name, TestClient Client)>();
        foreach (var regular in Regulars)
        {
            var (client, _) = await live.JoinAsync(spell(regular.Name), spell(regular.Company), [regular.Interest], withContact ? regular.Contact : null);
            nameOf[client.AttendeeId] = regular.Name;
            clients.Add((regular.Name, client));
        }
        var round = await host.Connection.StartRound(60, 2);
        var pairs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, client) in clients)
        {
            var assignment = await client.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
            pairs.Add(string.Join("+", new[] { name, nameOf[Assert.Single(assignment.Partners).Id] }.Order(StringComparer.Ordinal)));
        }
        return [.. pairs];
    }

    private async Task<HttpResponseMessage> PostContinuationAsync(string earlierEventId, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/events", UriKind.Relative))
        {
            Content = JsonContent.Create(new CreateEventRequest("Bedrijvenkring, de maand erna", ContinuesEventId: earlierEventId)),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await factory.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task TheEarlierEventsHostTokenContinuesItsSeriesInANewEvent()
    {
        var earlier = await factory.CreateEventAsync();

        using var response = await PostContinuationAsync(earlier.EventId, earlier.HostToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<CreateEventResponse>();
        Assert.NotEqual(earlier.EventId, created?.EventId);
    }

    [Fact]
    public async Task ContinuingWithoutATokenIsA401Problem()
    {
        var earlier = await factory.CreateEventAsync();

        using var response = await PostContinuationAsync(earlier.EventId, token: null);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ContinuingWithAnAttendeeTokenIsA403Problem()
    {
        var earlier = await factory.CreateEventAsync();
        var ann = await factory.Api.RegisterAsync(earlier.EventId, new RegisterAttendeeRequest("Ann"));

        using var response = await PostContinuationAsync(earlier.EventId, ann.Token);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ContinuingWithAnotherEventsHostTokenIsA403Problem()
    {
        var earlier = await factory.CreateEventAsync();
        var other = await factory.CreateEventAsync("Een ander evenement");

        using var response = await PostContinuationAsync(earlier.EventId, other.HostToken);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ContinuingAnUnknownEventIsA404Problem()
    {
        var someHost = await factory.CreateEventAsync();

        using var response = await PostContinuationAsync("onbekend23", someHost.HostToken);

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WithoutASeriesTheRegularsArePairedTheSameWayAgain()
    {
        await using var first = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var unrelated = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);

        Assert.Equal(TheInterestPairing, await RoundOfRegularsAsync(first));
        Assert.Equal(TheInterestPairing, await RoundOfRegularsAsync(unrelated));
    }

    [Fact]
    public async Task RegularsKnownByTheirContactMeetSomeoneNewInTheNextEvent()
    {
        await using var first = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        Assert.Equal(TheInterestPairing, await RoundOfRegularsAsync(first));
        await using var next = await LiveEvent.ContinueAsync(factory, first);

        // Other display names: the contact alone says who they are.
        var pairs = await RoundOfRegularsAsync(next, spell: s => s + " (weer)");

        Assert.Empty(pairs.Intersect(TheInterestPairing));
    }

    [Fact]
    public async Task RegularsWithoutAContactAreKnownByNameAndCompanyInAnyCase()
    {
        await using var first = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        Assert.Equal(TheInterestPairing, await RoundOfRegularsAsync(first, withContact: false));
        await using var next = await LiveEvent.ContinueAsync(factory, first);

        var pairs = await RoundOfRegularsAsync(next, withContact: false, spell: s => s.ToUpperInvariant());

        Assert.Empty(pairs.Intersect(TheInterestPairing));
    }

    [Fact]
    public async Task AThirdEventRemembersTheFirstAsWellAsTheSecond()
    {
        await using var first = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var firstPairs = await RoundOfRegularsAsync(first);
        await using var second = await LiveEvent.ContinueAsync(factory, first);
        var secondPairs = await RoundOfRegularsAsync(second);
        await using var third = await LiveEvent.ContinueAsync(factory, second);

        var thirdPairs = await RoundOfRegularsAsync(third);

        Assert.Empty(thirdPairs.Intersect(firstPairs.Concat(secondPairs)));
    }

    [Fact]
    public async Task ABlockMadeInTheEarlierEventHoldsInTheNext()
    {
        await using var first = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await first.JoinAsync("Ann", contact: "ann@hoya.example");
        var (bob, _) = await first.JoinAsync("Bob", contact: "bob@bos.example");
        await ann.Connection.BlockAttendee(bob.AttendeeId);
        await using var next = await LiveEvent.ContinueAsync(factory, first);
        var (host, _) = await next.JoinAsHostAsync();
        var (annAgain, _) = await next.JoinAsync("Ann", contact: "ann@hoya.example");
        var (bobAgain, _) = await next.JoinAsync("Bob", contact: "bob@bos.example");

        var round = await host.Connection.StartRound(60, 2);

        Assert.Equal(0, round.GroupCount);
        await annAgain.BreakoutWaiting.WaitFor(w => w.RoundId == round.RoundId);
        await bobAgain.BreakoutWaiting.WaitFor(w => w.RoundId == round.RoundId);
    }

    [Fact]
    public async Task MeetingAgainInTheNextEventIsNotANewMeeting()
    {
        await using var first = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await first.JoinAsHostAsync();
        await first.JoinAsync("Ann", "Hoya", contact: "ann@hoya.example");
        await first.JoinAsync("Bob", "Bakkerij Bos", contact: "bob@bos.example");
        await host.Connection.StartRound(60, 2);
        await using var next = await LiveEvent.ContinueAsync(factory, first);
        var (nextHost, _) = await next.JoinAsHostAsync();
        await next.JoinAsync("Ann", "Hoya", contact: "ann@hoya.example");
        await next.JoinAsync("Bob", "Bakkerij Bos", contact: "bob@bos.example");

        await nextHost.Connection.StartRound(60, 2);

        var report = await factory.Api.GetReportAsync(next.Id, next.Created.HostToken);
        Assert.Equal((1, 0, 0), (report.DistinctPairs, report.NewMeetings, report.NewCrossCompanyMeetings));
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class SeriesOnRedisTests(RedisNetwerkLiveFactory factory) : SeriesTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
