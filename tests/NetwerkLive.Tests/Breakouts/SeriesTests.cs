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
/// the next for the people who bring their person token. Four regulars from four companies share interests
/// two by two (Ann and Bob, Cas and Dee), so without any history the pairing engine pairs them the same way every time.
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

    /// <summary>The person tokens the regulars got at their last registration, by name.</summary>
    private sealed class TokensByName : Dictionary<string, string>;

    /// <summary>
    /// The regulars join (spelled as <paramref name="spell"/> says, with the person tokens in <paramref name="tokens"/>
    /// when given), the host starts a round: the pairs, by the regulars' names. Fills <paramref name="tokens"/> with
    /// the person tokens of this registration.
    /// </summary>
    private static async Task<string[]> RoundOfRegularsAsync(LiveEvent live, TokensByName? tokens = null, Func<string, string>? spell = null)
    {
        spell ??= s => s;
        var (host, _) = await live.JoinAsHostAsync();
        var nameOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var clients = new List<(string Name, TestClient Client)>();
        foreach (var regular in Regulars)
        {
            var (client, _) = await live.JoinAsync(spell(regular.Name), spell(regular.Company), [regular.Interest], regular.Contact,
                personToken: tokens?.GetValueOrDefault(regular.Name));
            nameOf[client.AttendeeId] = regular.Name;
            clients.Add((regular.Name, client));
            if (tokens is not null)
            {
                tokens[regular.Name] = client.PersonToken!;
            }
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
    public async Task RegularsWhoBringTheirPersonTokenMeetSomeoneNewInTheNextEvent()
    {
        var tokens = new TokensByName();
        await using var first = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        Assert.Equal(TheInterestPairing, await RoundOfRegularsAsync(first, tokens));
        await using var next = await LiveEvent.ContinueAsync(factory, first);

        // Other display names: the person token alone says who they are.
        var pairs = await RoundOfRegularsAsync(next, tokens, spell: s => s + " (weer)");

        Assert.Empty(pairs.Intersect(TheInterestPairing));
    }

    [Fact]
    public async Task RegularsWithoutTheirPersonTokenAreNewPeopleWhateverTheyType()
    {
        await using var first = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        Assert.Equal(TheInterestPairing, await RoundOfRegularsAsync(first));
        await using var next = await LiveEvent.ContinueAsync(factory, first);

        // The same names, companies and contacts: typing them does not say who someone is.
        var pairs = await RoundOfRegularsAsync(next);

        Assert.Equal(TheInterestPairing, pairs);
    }

    [Fact]
    public async Task AThirdEventRemembersTheFirstAsWellAsTheSecond()
    {
        var tokens = new TokensByName();
        await using var first = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var firstPairs = await RoundOfRegularsAsync(first, tokens);
        await using var second = await LiveEvent.ContinueAsync(factory, first);
        var secondPairs = await RoundOfRegularsAsync(second, tokens);
        await using var third = await LiveEvent.ContinueAsync(factory, second);

        var thirdPairs = await RoundOfRegularsAsync(third, tokens);

        Assert.Empty(thirdPairs.Intersect(firstPairs.Concat(secondPairs)));
    }

    [Fact]
    public async Task ABlockMadeInTheEarlierEventHoldsInTheNext()
    {
        await using var first = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await first.JoinAsync("Ann");
        var (bob, _) = await first.JoinAsync("Bob");
        await ann.Connection.BlockAttendee(bob.AttendeeId);
        await using var next = await LiveEvent.ContinueAsync(factory, first);
        var (host, _) = await next.JoinAsHostAsync();
        var (annAgain, _) = await next.JoinAsync("Ann", personToken: ann.PersonToken);
        var (bobAgain, _) = await next.JoinAsync("Bob", personToken: bob.PersonToken);

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
        var (ann, _) = await first.JoinAsync("Ann", "Hoya");
        var (bob, _) = await first.JoinAsync("Bob", "Bakkerij Bos");
        await host.Connection.StartRound(60, 2);
        await using var next = await LiveEvent.ContinueAsync(factory, first);
        var (nextHost, _) = await next.JoinAsHostAsync();
        await next.JoinAsync("Ann", "Hoya", personToken: ann.PersonToken);
        await next.JoinAsync("Bob", "Bakkerij Bos", personToken: bob.PersonToken);

        await nextHost.Connection.StartRound(60, 2);

        var report = await factory.Api.GetReportAsync(next.Id, next.Created.HostToken);
        Assert.Equal((1, 0, 0), (report.DistinctPairs, report.NewMeetings, report.NewCrossCompanyMeetings));
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class SeriesOnRedisTests(RedisNetwerkLiveFactory factory) : SeriesTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
