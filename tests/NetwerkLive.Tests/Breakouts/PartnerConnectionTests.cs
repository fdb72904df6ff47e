using Microsoft.Extensions.DependencyInjection;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// A partner hears at once when the other's last connection closes (PartnerConnection, connected false) and when
/// they are back, long before presence (5 s) or the breakout (30 s) lets them go; a reload names who is lost now.
/// On a fake clock that never moves unless a test says so: "at once" means with no time passing.
/// </summary>
public class PartnerConnectionTests
{
    /// <summary>Whether each test's own server runs in Redis mode.</summary>
    protected virtual bool OnRedis => false;

    /// <summary>Ann and Bob in a pair.</summary>
    private static async Task<(TestClient Ann, TestClient Bob, BreakoutAssignment Bobs)> PairAsync(ClockedEvent ev)
    {
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var pair = await ev.Live.JoinAllAsync("Ann", "Bob");
        var round = await host.Connection.StartRound(600, 2);
        var assignments = await pair.AssignmentsAsync(round.RoundId);
        return (pair[0], pair[1], assignments[pair[1].AttendeeId]);
    }

    [Fact]
    public async Task APartnerHearsAtOnceWhenTheOthersLastConnectionCloses()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (ann, bob, bobs) = await PairAsync(ev);

        await ev.DropAsync(ann);

        Assert.Equal(new PartnerConnectionNotice(bobs.RoundId, bobs.GroupId, ann.AttendeeId, Connected: false), await bob.PartnerConnection.WaitForAny());
        Assert.DoesNotContain(bob.Presence.Items, p => p.Left.Contains(ann.AttendeeId));
    }

    [Fact]
    public async Task APartnerHearsWhenTheOtherComesBackWithinThePresenceGrace()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (ann, bob, bobs) = await PairAsync(ev);
        await ev.DropAsync(ann);
        await bob.PartnerConnection.WaitFor(n => !n.Connected);

        await ev.ConnectAsync(ann.AttendeeId, ann.Token);

        Assert.Equal(new PartnerConnectionNotice(bobs.RoundId, bobs.GroupId, ann.AttendeeId, Connected: true), await bob.PartnerConnection.WaitFor(n => n.Connected));
    }

    [Fact]
    public async Task APartnerHearsWhenTheOtherComesBackAfterPresenceLetThemGoButTheGroupKeptThem()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (ann, bob, _) = await PairAsync(ev);
        await ev.DropAsync(ann);
        ev.Clock.Advance(FakeClockFactory.GracePeriod);
        ev.Factory.NextPresenceInterval();
        await bob.WaitUntilSeesLeft(ann.AttendeeId);

        await ev.ConnectAsync(ann.AttendeeId, ann.Token);

        await bob.PartnerConnection.WaitFor(n => n.AttendeeId == ann.AttendeeId && n.Connected);
    }

    [Fact]
    public async Task ALossToldWhenTheOtherIsAlreadyBackIsFollowedByTheirReturn()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (ann, bob, _) = await PairAsync(ev);

        // On several nodes, the node where Ann's last connection closed can come to tell it after she is back on
        // another node (and her partners heard that): here the loss is told while she is connected.
        await ev.Factory.Services.GetRequiredService<PartnerConnections>().LostAsync(ev.Live.Id, ann.AttendeeId);

        // Both pushes and the chat go to Bob as an attendee, in the order they were sent.
        var marker = await ann.Connection.SendBreakoutChat("Ik ben er nog");
        await bob.BreakoutChat.WaitFor(m => m.Text == marker.Text);
        Assert.Equal([false, true], bob.PartnerConnection.Items.Select(n => n.Connected));
    }

    [Fact]
    public async Task ClosingOneOfTwoTabsTellsThePartnerNothing()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (ann, bob, _) = await PairAsync(ev);
        var (secondTab, _) = await ev.Live.OpenTabAsync(ann);

        await ev.DropAsync(secondTab);

        // Both pushes go to Bob as an attendee, in the order they were sent: once the chat is there, a
        // PartnerConnection sent before it would be too.
        var marker = await ann.Connection.SendBreakoutChat("Ik ben er nog");
        await bob.BreakoutChat.WaitFor(m => m.Text == marker.Text);
        Assert.Empty(bob.PartnerConnection.Items);
    }

    [Fact]
    public async Task AReloadInABreakoutNamesThePartnerWhoseConnectionIsLost()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (ann, bob, bobs) = await PairAsync(ev);
        Assert.Empty(bobs.ConnectionLost);

        await ev.DropAsync(ann);
        var (_, join) = await ev.Live.OpenTabAsync(bob);

        Assert.Equal([ann.AttendeeId], Assert.IsType<BreakoutAssignment>(join.Breakout).ConnectionLost);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper), still on the fake clock.</summary>
public sealed class PartnerConnectionOnRedisTests : PartnerConnectionTests
{
    protected override bool OnRedis => true;
}
