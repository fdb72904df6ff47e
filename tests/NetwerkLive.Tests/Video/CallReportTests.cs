using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Breakouts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Video;

/// <summary>
/// ReportCallConnected marks the caller's current group, and the host's report counts breakouts held and how many
/// had a call that connected: per round, for coffee chats, in the JSON and the CSV. Counts only.
/// </summary>
public class CallReportTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private Task<EventReport> ReportAsync(LiveEvent live) => factory.Api.GetReportAsync(live.Id, live.Created.HostToken);

    /// <summary>Four people in two pairs; returns the host, Ann, her partner, and the other pair.</summary>
    private static async Task<(TestClient Host, TestClient Ann, TestClient Partner, BreakoutAssignment Group, List<TestClient> Others)> TwoPairsAsync(LiveEvent live)
    {
        var (host, _) = await live.JoinAsHostAsync();
        var people = await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk");
        var round = await host.Connection.StartRound(600, 2);
        var assignments = await people.AssignmentsAsync(round.RoundId);
        var ann = people[0];
        var group = assignments[ann.AttendeeId];
        var partner = people.With(group.Partners.Single().Id);
        return (host, ann, partner, group, [.. people.Where(p => p != ann && p != partner)]);
    }

    [Fact]
    public async Task AGroupIsCountedOnceHoweverOftenItsMembersReportTheirCall()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, ann, partner, group, _) = await TwoPairsAsync(live);

        await ann.Connection.ReportCallConnected(group.GroupId);
        await ann.Connection.ReportCallConnected(group.GroupId);
        await partner.Connection.ReportCallConnected(group.GroupId);
        await host.Connection.EndRound();

        var report = await ReportAsync(live);
        var round = Assert.Single(report.Rounds);
        Assert.Equal((2, 1), (round.GroupCount, round.GroupsWithCall));
        Assert.Equal((2, 1), (report.Breakouts, report.BreakoutsWithCall));
    }

    [Fact]
    public async Task WithoutAReportedCallNoBreakoutCountsAsHavingOne()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.Json);
        var (host, _, _, _, _) = await TwoPairsAsync(live);
        await host.Connection.EndRound();

        var report = await ReportAsync(live);

        Assert.Equal((2, 0), (report.Breakouts, report.BreakoutsWithCall));
        Assert.Equal(0, report.Rounds[0].GroupsWithCall);
    }

    [Fact]
    public async Task ACallCountedInARunningRoundStaysCountedAfterItsGroupEnded()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (_, ann, partner, group, _) = await TwoPairsAsync(live);
        await ann.Connection.ReportCallConnected(group.GroupId);

        await ann.Connection.LeaveBreakout();
        await partner.BreakoutEnded.WaitForAny();

        var report = await ReportAsync(live);
        Assert.Null(report.Rounds[0].EndedAt);
        Assert.Equal(1, report.Rounds[0].GroupsWithCall);
        Assert.Equal(1, report.BreakoutsWithCall);
    }

    [Fact]
    public async Task ThePairPlacedTogetherAgainInOneRoundIsOneBreakoutWithACall()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var people = await live.JoinAllAsync("Ann", "Bob");
        var (ann, bob) = (people[0], people[1]);
        var round = await host.Connection.StartRound(600, 2);
        var first = (await people.AssignmentsAsync(round.RoundId))[ann.AttendeeId];
        await ann.Connection.ReportCallConnected(first.GroupId);

        // Bob is away a moment: Ann waits, and Bob back is placed with her again, in a new group.
        await bob.Connection.SetAvailable(false);
        await bob.Connection.SetAvailable(true);
        var again = await ann.BreakoutStarted.WaitFor(a => a.GroupId != first.GroupId);
        await bob.Connection.ReportCallConnected(again.GroupId);
        await host.Connection.EndRound();

        var report = await ReportAsync(live);
        Assert.Equal((1, 1), (report.Rounds[0].GroupCount, report.Rounds[0].GroupsWithCall));
        Assert.Equal((1, 1), (report.Breakouts, report.BreakoutsWithCall));
    }

    [Fact]
    public async Task ACoffeeChatWithACallIsCountedOnceAfterItEnded()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");
        var (bob, _) = await live.JoinAsync("Bob", "Sweco");
        await ann.Connection.FindCoffeePartner();
        await bob.Connection.FindCoffeePartner();
        var coffee = await ann.BreakoutStarted.WaitForAny();

        await bob.Connection.ReportCallConnected(coffee.GroupId);
        await ann.Connection.ReportCallConnected(coffee.GroupId);
        await ann.Connection.LeaveBreakout();
        await bob.BreakoutEnded.WaitForAny();

        var report = await ReportAsync(live);
        Assert.Equal(1, report.CoffeeChats);
        Assert.Equal((1, 1), (report.Breakouts, report.BreakoutsWithCall));
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ReportingACallForAGroupThatIsNotTheCallersCurrentOneIsRefusedAndNotCounted(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, ann, _, group, others) = await TwoPairsAsync(live);
        var otherGroup = (await others[0].BreakoutStarted.WaitForAny()).GroupId;

        var someoneElses = await Assert.ThrowsAsync<HubException>(() => ann.Connection.ReportCallConnected(otherGroup));
        await host.Connection.EndRound();
        var ended = await Assert.ThrowsAsync<HubException>(() => ann.Connection.ReportCallConnected(group.GroupId));

        var refusal = HubRefusals.Message(nameof(IEventHub.ReportCallConnected), CallSignalTests.GroupEnded);
        Assert.Equal(refusal, someoneElses.Message);
        Assert.Equal(refusal, ended.Message);
        Assert.Equal(0, (await ReportAsync(live)).BreakoutsWithCall);
    }

    [Theory]
    [InlineData("", ',', "total,breakouts,2", "total,breakoutsWithCall,1", "record,roundId,startedAt,endedAt,groupCount,participantCount,groupsWithCall")]
    [InlineData("&lang=nl", ';', "totaal;ont-moetingen;2", "totaal;ont-moetingen met verbonden gesprek;1", "soort;ronde-id;begonnen;geëindigd;groepen;deelnemers;groepen met verbonden gesprek")]
    public async Task TheCsvCountsBreakoutsAndThoseWithACallInTheReadersLanguage(string query, char separator, string breakouts, string withCall, string roundHeader)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, ann, _, group, _) = await TwoPairsAsync(live);
        await ann.Connection.ReportCallConnected(group.GroupId);
        await host.Connection.EndRound();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/events/{live.Id}/report?format=csv{query}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", live.Created.HostToken);
        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        Assert.Contains(breakouts, rows);
        Assert.Contains(withCall, rows);
        Assert.Contains(roundHeader, rows);
        var round = Assert.Single(rows, r => r.StartsWith(roundHeader.Split(separator)[0] == "record" ? "round," : "ronde;", StringComparison.Ordinal)).Split(separator);
        Assert.Equal(["2", "4", "1"], round[4..]);
    }
}

/// <summary>The same tests with the server in Redis mode: the mark and the counts live in the Redis breakout state.</summary>
public sealed class CallReportOnRedisTests(RedisNetwerkLiveFactory factory) : CallReportTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
