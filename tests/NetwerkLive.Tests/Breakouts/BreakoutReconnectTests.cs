using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Breakouts.RoundExpectations;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// A participant's connection drops mid-round. Within Breakouts:ReconnectGrace (30 s by default) they
/// keep their place; after it they are let go. On a fake clock, with presence's own 5 s grace first.
/// </summary>
public class BreakoutReconnectTests
{
    /// <summary>Whether each test's own server runs in Redis mode.</summary>
    protected virtual bool OnRedis => false;

    private static readonly TimeSpan ReconnectGrace = TimeSpan.FromSeconds(30);

    /// <summary>Ann and Bob in a pair.</summary>
    private static async Task<(TestClient Host, TestClient Ann, TestClient Bob, BreakoutAssignment Anns)> PairAsync(ClockedEvent ev)
    {
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var pair = await ev.Live.JoinAllAsync("Ann", "Bob");
        var round = await host.Connection.StartRound(600, 2);
        var assignments = await pair.AssignmentsAsync(round.RoundId);
        return (host, pair[0], pair[1], assignments[pair[0].AttendeeId]);
    }

    /// <summary>Lets the presence grace pass, so the room has seen the attendee leave and the breakout grace runs.</summary>
    private static async Task PresenceLetsGoAsync(ClockedEvent ev, TestClient watcher, TestClient gone)
    {
        ev.Clock.Advance(FakeClockFactory.GracePeriod);
        ev.Factory.NextPresenceInterval();
        await watcher.WaitUntilSeesLeft(gone.AttendeeId);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task AParticipantWhoComesBackWithinTheGraceGetsTheSameBreakoutBackFromJoin(HubProtocol protocol)
    {
        await using var ev = await ClockedEvent.CreateAsync(protocol, OnRedis);
        var (host, ann, bob, anns) = await PairAsync(ev);
        await ev.DropAsync(ann);
        await PresenceLetsGoAsync(ev, bob, ann);
        ev.Clock.Advance(ReconnectGrace / 2);

        var (annAgain, join) = await ev.ConnectAsync(ann.AttendeeId, ann.Token);

        var back = Assert.IsType<BreakoutAssignment>(join.Breakout);
        Assert.Equal(anns.RoundId, back.RoundId);
        Assert.Equal(anns.GroupId, back.GroupId);
        Assert.Equal(anns.EndsAt, back.EndsAt);
        Assert.Equal(anns.MeetingUrl, back.MeetingUrl);
        Assert.Equal(Ids(bob), back.PartnerIds());
        Assert.Equal(anns.RoundId, join.Round?.RoundId);
        // Not placed anew, and Bob never lost her.
        await host.Connection.Announce("marker");
        await Task.WhenAll(annAgain.Announcements.WaitForAny(), bob.Announcements.WaitForAny());
        Assert.Empty(annAgain.BreakoutStarted.Items);
        Assert.Empty(bob.PartnerLeft.Items);
        Assert.Single(bob.BreakoutStarted.Items);
    }

    [Fact]
    public async Task AParticipantWhoCameBackIsStillInTheGroupWhenTheGraceRunsOut()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (_, ann, bob, anns) = await PairAsync(ev);
        await ev.DropAsync(ann);
        await PresenceLetsGoAsync(ev, bob, ann);
        var (annAgain, _) = await ev.ConnectAsync(ann.AttendeeId, ann.Token);

        ev.Clock.Advance(ReconnectGrace);

        var sent = await bob.Connection.SendBreakoutChat("Ben je er weer?");
        Assert.Equal(sent, await annAgain.BreakoutChat.WaitForAny());
        Assert.Equal(anns.GroupId, (await annAgain.Connection.Join()).Breakout?.GroupId);
        Assert.Empty(bob.PartnerLeft.Items);
    }

    [Fact]
    public async Task AParticipantWhoStaysAwayPastTheGraceIsTakenOutAndTheirPartnerIsTold()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (_, ann, bob, anns) = await PairAsync(ev);
        await ev.DropAsync(ann);
        await PresenceLetsGoAsync(ev, bob, ann);

        ev.Clock.Advance(ReconnectGrace);

        Assert.Equal(new PartnerLeftNotice(anns.RoundId, anns.GroupId, ann.AttendeeId), await bob.PartnerLeft.WaitForAny());
        await bob.BreakoutWaiting.WaitFor(n => n.RoundId == anns.RoundId);
        Assert.Null((await bob.Connection.Join()).Breakout);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper), still on the fake clock.</summary>
public sealed class BreakoutReconnectOnRedisTests : BreakoutReconnectTests
{
    protected override bool OnRedis => true;
}
