using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Breakouts.RoundExpectations;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>Someone leaves their group mid-round: the others are told, and whoever is left alone is placed again or waits.</summary>
public class PartnerLeavingTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    /// <summary>Two pairs, Ann's and the other: then Ann leaves, so her partner waits alone.</summary>
    private static async Task<(RoundInfo Round, TestClient Waiting, TestClient Leaver, TestClient LeftBehind)> OneWaitsAsync(TestClient host, List<TestClient> four)
    {
        var round = await host.Connection.StartRound(600, 2);
        var assignments = await four.AssignmentsAsync(round.RoundId);
        var ann = four[0];
        var annsPartner = four.With(assignments[ann.AttendeeId].Partners.Single().Id);
        var others = four.Where(c => c != ann && c != annsPartner).ToList();
        await ann.Connection.LeaveBreakout();
        await annsPartner.BreakoutWaiting.WaitForAny();
        return (round, annsPartner, others[0], others[1]);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task WhenAPartnerLeavesAndNobodyWaitsTheOtherIsToldAndWaits(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var pair = await live.JoinAllAsync("Ann", "Bob");
        var (ann, bob) = (pair[0], pair[1]);
        var round = await host.Connection.StartRound(600, 2);
        var group = (await ann.BreakoutStarted.WaitForAny()).GroupId;

        await ann.Connection.LeaveBreakout();

        Assert.Equal(new PartnerLeftNotice(round.RoundId, group, ann.AttendeeId), await bob.PartnerLeft.WaitForAny());
        Assert.Equal(new BreakoutWaitingNotice(round.RoundId, round.EndsAt), await bob.BreakoutWaiting.WaitForAny());
        Assert.Equal(new BreakoutEndedNotice(round.RoundId, group), await ann.BreakoutEnded.WaitForAny());
        Assert.Null((await bob.Connection.Join()).Breakout);
    }

    [Fact]
    public async Task WhenAPartnerLeavesTheOtherIsPairedWithSomeoneWaiting()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (round, waiting, leaver, leftBehind) = await OneWaitsAsync(host, await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk"));
        var oldGroup = (await leftBehind.BreakoutStarted.WaitForAny()).GroupId;

        await leaver.Connection.LeaveBreakout();

        Assert.Equal(new PartnerLeftNotice(round.RoundId, oldGroup, leaver.AttendeeId), await leftBehind.PartnerLeft.WaitForAny());
        var repaired = await leftBehind.BreakoutStarted.WaitFor(a => a.GroupId != oldGroup);
        Assert.Equal(Ids(waiting), repaired.PartnerIds());
        Assert.Equal(round.EndsAt, repaired.EndsAt);
        var waitersNew = await waiting.BreakoutStarted.WaitFor(a => a.GroupId == repaired.GroupId);
        Assert.Equal(Ids(leftBehind), waitersNew.PartnerIds());
        Assert.Equal(new BreakoutEndedNotice(round.RoundId, oldGroup), await leaver.BreakoutEnded.WaitForAny());
    }

    [Fact]
    public async Task WhoIsLeftBehindHearsTheirGroupIsOverBeforeHearingWhereTheyGoNext()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var four = await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk");
        var logs = four.ToDictionary(c => c, c => new PushLog(c));
        var (_, waiting, leaver, leftBehind) = await OneWaitsAsync(host, four);
        var waitingLog = logs[waiting];
        var leftBehindLog = logs[leftBehind];
        var oldGroup = (await leftBehindLog.WaitFor<BreakoutAssignment>("BreakoutStarted")).GroupId;

        await leaver.Connection.LeaveBreakout();
        await leftBehindLog.WaitFor<BreakoutAssignment>("BreakoutStarted", a => a.GroupId != oldGroup);

        // A client shows the last thing it heard: "your partner left" or "ended" after "waiting" or a new group would undo it.
        Assert.Equal(["BreakoutStarted", "PartnerLeft", "BreakoutEnded", "BreakoutWaiting"], BreakoutPushes(waitingLog).Take(4));
        Assert.Equal(["BreakoutStarted", "PartnerLeft", "BreakoutEnded", "BreakoutStarted"], BreakoutPushes(leftBehindLog));
    }

    private static IEnumerable<string> BreakoutPushes(PushLog log) =>
        log.Names.Where(n => n is "BreakoutStarted" or "PartnerLeft" or "BreakoutEnded" or "BreakoutWaiting");

    [Fact]
    public async Task APartnerWhoSetsThemselvesUnavailableLeavesTheGroupAndTheOtherIsTold()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var pair = await live.JoinAllAsync("Ann", "Bob");
        var (ann, bob) = (pair[0], pair[1]);
        var round = await host.Connection.StartRound(600, 2);
        var group = (await ann.BreakoutStarted.WaitForAny()).GroupId;

        await ann.Connection.SetAvailable(false);

        Assert.Equal(new BreakoutEndedNotice(round.RoundId, group), await ann.BreakoutEnded.WaitForAny());
        Assert.Equal(new PartnerLeftNotice(round.RoundId, group, ann.AttendeeId), await bob.PartnerLeft.WaitForAny());
        await bob.BreakoutWaiting.WaitForAny();
        Assert.Null((await ann.Connection.Join()).Breakout);
    }

    [Fact]
    public async Task WhoLeftABreakoutIsNotPlacedAgainInThatRound()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var pair = await live.JoinAllAsync("Ann", "Bob");
        var (ann, bob) = (pair[0], pair[1]);
        var round = await host.Connection.StartRound(600, 2);
        await ann.Connection.LeaveBreakout();
        await bob.BreakoutWaiting.WaitForAny();

        // Bob waits and would take anyone: still Ann is not placed, however she signals she is there.
        await ann.Connection.SetAvailable(true);
        var rejoin = await ann.Connection.Join();

        Assert.Null(rejoin.Breakout);
        Assert.Equal(round.RoundId, rejoin.Round?.RoundId);
        await host.Connection.Announce("marker");
        await Task.WhenAll(ann.Announcements.WaitForAny(), bob.Announcements.WaitForAny());
        Assert.Single(ann.BreakoutStarted.Items);
        Assert.Empty(ann.BreakoutWaiting.Items);
        Assert.Single(bob.BreakoutStarted.Items);
    }

    [Fact]
    public async Task LeavingABreakoutCarriesNoPenaltyIntoTheNextRound()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var attendees = await live.JoinAllAsync("Ann", "Bob");
        var first = await host.Connection.StartRound(600, 2);
        await attendees[0].Connection.LeaveBreakout();
        await host.Connection.EndRound();

        var second = await host.Connection.StartRound(600, 2);

        Assert.Equal(2, second.ParticipantCount);
        await attendees.AssignmentsAsync(second.RoundId);
        Assert.NotEqual(first.RoundId, second.RoundId);
    }

    [Fact]
    public async Task WhenOneOfATripleLeavesTheOtherTwoCarryOnTogether()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var triple = await live.JoinAllAsync("Ann", "Bob", "Cas");
        var round = await host.Connection.StartRound(600, 2);
        var group = (await triple.AssignmentsAsync(round.RoundId))[triple[0].AttendeeId].GroupId;
        var (leaver, stay) = (triple[0], triple.Skip(1).ToArray());

        await leaver.Connection.LeaveBreakout();

        foreach (var member in stay)
        {
            Assert.Equal(new PartnerLeftNotice(round.RoundId, group, leaver.AttendeeId), await member.PartnerLeft.WaitForAny());
        }
        await host.Connection.Announce("marker");
        await Task.WhenAll(stay.Select(s => s.Announcements.WaitForAny()));
        Assert.All(stay, s => Assert.Empty(s.BreakoutEnded.Items));
        Assert.All(stay, s => Assert.Empty(s.BreakoutWaiting.Items));
        Assert.Equal(group, (await stay[0].Connection.Join()).Breakout?.GroupId);
    }

    [Fact]
    public async Task LeavingWhenNotInABreakoutIsRefused()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann");

        var error = await Assert.ThrowsAsync<HubException>(() => ann.Connection.LeaveBreakout());

        Assert.Contains("You are not in a breakout right now.", error.Message);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class PartnerLeavingOnRedisTests(RedisNetwerkLiveFactory factory) : PartnerLeavingTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
