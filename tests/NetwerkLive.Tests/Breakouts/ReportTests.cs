using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>GET /api/events/{id}/report after real breakouts: the figures, both formats, and who may read it.</summary>
public class ReportTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const string CsvHeader = "record,name,value";

    private static readonly string[] Contacts = ["ann@hoya.example", "bob@hoya.example", "cas@zuid.example"];

    /// <summary>Ann and Bob are colleagues (the company in another case), Cas is not: three people make one triple.</summary>
    private sealed record Triple(TestClient Host, TestClient Ann, TestClient Bob, TestClient Cas, RoundInfo Round);

    private static async Task<Triple> ThreeMeetInOneGroupAsync(LiveEvent live)
    {
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann", "Hoya", contact: Contacts[0]);
        var (bob, _) = await live.JoinAsync("Bob", "HOYA", contact: Contacts[1]);
        var (cas, _) = await live.JoinAsync("Cas", "Coöperatie Zuid", contact: Contacts[2]);
        var round = await host.Connection.StartRound(60, 2);
        return new Triple(host, ann, bob, cas, round);
    }

    /// <summary>Ann and Cas both ask to meet again; Bob asks for Ann, who does not ask back.</summary>
    private static async Task FollowUpsAsync(Triple t)
    {
        await t.Ann.Connection.RequestFollowUp(t.Cas.AttendeeId);
        await t.Cas.Connection.RequestFollowUp(t.Ann.AttendeeId);
        await t.Bob.Connection.RequestFollowUp(t.Ann.AttendeeId);
    }

    private Task<EventReport> ReportAsync(LiveEvent live) => factory.Api.GetReportAsync(live.Id, live.Created.HostToken);

    private async Task<HttpResponseMessage> GetAsync(string eventId, string? token, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/events/{eventId}/report{query}", UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await factory.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task AnEndedRoundIsListedWithItsStartEndAndGroups()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var t = await ThreeMeetInOneGroupAsync(live);
        var beforeEnd = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await t.Host.Connection.EndRound();
        var afterEnd = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var round = Assert.Single((await ReportAsync(live)).Rounds);

        Assert.Equal(t.Round.RoundId, round.RoundId);
        Assert.Equal(t.Round.EndsAt - 60_000, round.StartedAt);
        Assert.InRange(round.EndedAt ?? 0, beforeEnd, afterEnd);
        Assert.Equal((1, 3), (round.GroupCount, round.ParticipantCount));
        Assert.Equal(new[] { t.Ann.AttendeeId, t.Bob.AttendeeId, t.Cas.AttendeeId }.Order(StringComparer.Ordinal),
            Assert.Single(round.Groups).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ARunningRoundIsListedWithoutAnEnd()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var t = await ThreeMeetInOneGroupAsync(live);

        var round = Assert.Single((await ReportAsync(live)).Rounds);

        Assert.Equal(t.Round.RoundId, round.RoundId);
        Assert.Null(round.EndedAt);
    }

    [Fact]
    public async Task ItCountsThePeopleWhoMetAndTheDistinctPairs()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await ThreeMeetInOneGroupAsync(live);

        var report = await ReportAsync(live);

        Assert.Equal((3, 3), (report.PeopleMet, report.DistinctPairs));
    }

    [Fact]
    public async Task MeetingAgainInALaterRoundAddsNoDistinctPairAndNoNewMeeting()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var t = await ThreeMeetInOneGroupAsync(live);
        await t.Host.Connection.EndRound();

        await t.Host.Connection.StartRound(60, 2);

        var report = await ReportAsync(live);
        Assert.Equal(2, report.Rounds.Length);
        Assert.Equal((3, 3), (report.DistinctPairs, report.NewMeetings));
    }

    [Fact]
    public async Task ColleaguesWhoMetAreNotANewCrossCompanyMeeting()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await ThreeMeetInOneGroupAsync(live);

        var report = await ReportAsync(live);

        Assert.Equal(3, report.NewMeetings);
        Assert.Equal(2, report.NewCrossCompanyMeetings);
    }

    [Fact]
    public async Task CoffeeChatsAreCountedButAreNotRounds()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");
        var (bob, _) = await live.JoinAsync("Bob", "Bakkerij Bos");
        await ann.Connection.FindCoffeePartner();
        await bob.Connection.FindCoffeePartner();

        var report = await ReportAsync(live);

        Assert.Empty(report.Rounds);
        Assert.Equal((1, 2, 1, 1), (report.CoffeeChats, report.PeopleMet, report.DistinctPairs, report.NewCrossCompanyMeetings));
    }

    [Fact]
    public async Task MutualFollowUpsAreListedWithTheIdsAndNamesOfBoth()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var t = await ThreeMeetInOneGroupAsync(live);
        await FollowUpsAsync(t);

        var report = await ReportAsync(live);

        Assert.Equal(1, report.MutualFollowUps);
        var pair = Assert.Single(report.FollowUps);
        Assert.Equal(
            [new PersonRef(t.Ann.AttendeeId, "Ann"), new PersonRef(t.Cas.AttendeeId, "Cas")],
            new[] { pair.A, pair.B }.OrderBy(p => p.DisplayName, StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheReportNeverHoldsAContact()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await FollowUpsAsync(await ThreeMeetInOneGroupAsync(live));

        using var response = await GetAsync(live.Id, live.Created.HostToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"mutualFollowUps\":1", body, StringComparison.Ordinal);
        Assert.All(Contacts, contact => Assert.DoesNotContain(contact, body, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ARoundInWhichNobodyWasPlacedIsInNeitherTheJsonNorTheCsvReport()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");
        var (bob, _) = await live.JoinAsync("Bob", "Bakkerij Bos");
        // Two open people who must not meet: the round starts, and nobody is placed.
        await bob.Connection.BlockAttendee(ann.AttendeeId);
        var empty = await host.Connection.StartRound(60, 2);
        Assert.Equal(0, empty.GroupCount);
        var runningReport = await ReportAsync(live);
        await host.Connection.EndRound();

        var report = await ReportAsync(live);
        using var response = await GetAsync(live.Id, live.Created.HostToken, "?format=csv");

        Assert.Empty(runningReport.Rounds);
        Assert.Empty(report.Rounds);
        Assert.Equal(0, report.Breakouts);
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Contains("total,rounds,0", rows);
        Assert.DoesNotContain(rows, row => row.Contains(empty.RoundId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCsvReportNeverHoldsAContact()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await FollowUpsAsync(await ThreeMeetInOneGroupAsync(live));

        using var response = await GetAsync(live.Id, live.Created.HostToken, "?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith(CsvHeader + "\r\n", body, StringComparison.Ordinal);
        // Not vacuous: the mutual follow-up of Ann and Cas is in it, by id and display name.
        Assert.Contains("followUp,", body, StringComparison.Ordinal);
        Assert.All(Contacts, contact => Assert.DoesNotContain(contact, body, StringComparison.OrdinalIgnoreCase));
        // The local part alone, in case a contact were cut or encoded.
        Assert.All(Contacts, contact => Assert.DoesNotContain(contact.Split('@')[0] + "@", body, StringComparison.OrdinalIgnoreCase));
        // Bob asked for Ann, who did not ask back: a one-sided request names nobody.
        Assert.DoesNotContain(",Bob", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCsvReportHasTheSameFigures()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var t = await ThreeMeetInOneGroupAsync(live);
        await FollowUpsAsync(t);
        await t.Host.Connection.EndRound();
        var json = await ReportAsync(live);

        using var response = await GetAsync(live.Id, live.Created.HostToken, "?format=CSV");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Contains("total,rounds,1", rows);
        Assert.Contains($"total,peopleMet,{json.PeopleMet}", rows);
        Assert.Contains($"total,distinctPairs,{json.DistinctPairs}", rows);
        Assert.Contains($"total,newMeetings,{json.NewMeetings}", rows);
        Assert.Contains($"total,newCrossCompanyMeetings,{json.NewCrossCompanyMeetings}", rows);
        Assert.Contains($"total,mutualFollowUps,{json.MutualFollowUps}", rows);
        var round = json.Rounds[0];
        var roundRow = Assert.Single(rows, r => r.StartsWith("round,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(t.Round.RoundId, roundRow[1]);
        Assert.Equal(round.StartedAt, DateTimeOffset.Parse(roundRow[2], System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
        Assert.Equal(round.EndedAt, DateTimeOffset.Parse(roundRow[3], System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
        Assert.Equal(["1", "3", "0"], roundRow[4..]);
        var pair = json.FollowUps[0];
        Assert.Contains($"followUp,{pair.A.AttendeeId},{pair.A.DisplayName},{pair.B.AttendeeId},{pair.B.DisplayName}", rows);
    }

    [Fact]
    public async Task AnAttendeeTokenIsRefusedWithA403Problem()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann");

        using var response = await GetAsync(live.Id, ann.Token);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheHostTokenOfAnotherEventIsRefusedWithA403Problem()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var other = await factory.CreateEventAsync("Een ander evenement");

        using var response = await GetAsync(live.Id, other.HostToken);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task WithoutATokenTheReportIsA401Problem()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);

        using var response = await GetAsync(live.Id, token: null);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnUnknownFormatIsA400Problem()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);

        using var response = await GetAsync(live.Id, live.Created.HostToken, "?format=xlsx");

        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class ReportOnRedisTests(RedisNetwerkLiveFactory factory) : ReportTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
