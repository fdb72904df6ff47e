using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

/// <summary>
/// The grace period end to end, with real clients on a fake clock. Presence messages reach a client in
/// the order they were sent, so when a later message has arrived, an earlier `left` would have too: that
/// is how these tests see that something did not happen, without waiting for it.
/// </summary>
public class PresenceGraceTests : IAsyncDisposable
{
    public PresenceGraceTests()
        : this(new FakeClockFactory())
    {
    }

    protected PresenceGraceTests(FakeClockFactory factory) => _factory = factory;

    /// <summary>Long enough for a held-back presence message to go out, well within the grace period.</summary>
    private static readonly TimeSpan ReloadTime = TimeSpan.FromSeconds(1);

    private readonly FakeClockFactory _factory;
    private readonly List<TestClient> _clients = [];
    private CreateEventResponse? _created;
    private string _eventId = "";

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
        await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<(TestClient Client, JoinResult Join)> JoinAsync(string name)
    {
        var (client, join) = await _factory.JoinAsync(_eventId, name);
        _clients.Add(client);
        return (client, join!);
    }

    /// <summary>Another connection with the same token, as a reload or a second tab makes.</summary>
    private async Task<(TestClient Client, JoinResult Join)> OpenAgainAsync(TestClient attendee)
    {
        var (client, join) = await _factory.ConnectAsync(attendee.AttendeeId, attendee.Token);
        _clients.Add(client);
        return (client, join!);
    }

    /// <summary>Ann watches the room; Bob joins and Ann has seen him.</summary>
    private async Task<(TestClient Ann, TestClient Bob, JoinResult BobJoin)> AnnSeesBobAsync()
    {
        _created = await _factory.CreateEventAsync();
        _eventId = _created.EventId;
        var (ann, _) = await JoinAsync("Ann");
        var (bob, bobJoin) = await JoinAsync("Bob");
        _factory.NextPresenceInterval();
        await ann.WaitUntilSeesPresent(bob.AttendeeId);
        return (ann, bob, bobJoin);
    }

    private async Task CloseAsync(TestClient client)
    {
        await client.DisposeAsync();
        await _factory.Disconnected.WaitFor(id => id == client.AttendeeId);
    }

    /// <summary>Cas joins and Ann has received the message announcing it.</summary>
    private async Task<(JoinResult Join, PresenceChange SeenByAnn)> CasJoinsAndAnnSeesItAsync(TestClient ann)
    {
        var (cas, casJoin) = await JoinAsync("Cas");
        _factory.NextPresenceInterval();
        return (casJoin, await ann.WaitUntilSeesPresent(cas.AttendeeId));
    }

    private static void AssertNeverSeenLeaving(TestClient watcher, string attendeeId) =>
        Assert.DoesNotContain(watcher.Presence.Items, p => p.Left.Contains(attendeeId));

    [Fact]
    public async Task AttendeeWhoseOnlyConnectionClosedStaysPresentDuringTheGracePeriod()
    {
        var (ann, bob, _) = await AnnSeesBobAsync();
        await CloseAsync(bob);

        // Cas's join takes one presence interval more: together a millisecond short of the grace period.
        _factory.Clock.Advance(FakeClockFactory.GracePeriod - FakeClockFactory.PresenceInterval - TimeSpan.FromMilliseconds(1));
        var (casJoin, _) = await CasJoinsAndAnnSeesItAsync(ann);

        Assert.Contains(casJoin.Attendees, a => a.Id == bob.AttendeeId);
        Assert.Equal(3, casJoin.AttendeeCount);
        AssertNeverSeenLeaving(ann, bob.AttendeeId);
    }

    [Fact]
    public async Task AttendeeWhoseOnlyConnectionClosedIsReportedLeftAfterTheGracePeriod()
    {
        var (ann, bob, _) = await AnnSeesBobAsync();
        await CloseAsync(bob);

        _factory.Clock.Advance(FakeClockFactory.GracePeriod);
        _factory.NextPresenceInterval();

        var left = await ann.WaitUntilSeesLeft(bob.AttendeeId);
        Assert.Equal(1, left.AttendeeCount);
    }

    [Fact]
    public async Task ReloadWithinTheGracePeriodIsNotReportedAsLeaving()
    {
        var (ann, bob, _) = await AnnSeesBobAsync();
        await CloseAsync(bob);
        _factory.Clock.Advance(ReloadTime);
        await OpenAgainAsync(bob);

        _factory.Clock.Advance(FakeClockFactory.GracePeriod);
        _factory.NextPresenceInterval();
        var (casJoin, _) = await CasJoinsAndAnnSeesItAsync(ann);

        AssertNeverSeenLeaving(ann, bob.AttendeeId);
        Assert.Contains(casJoin.Attendees, a => a.Id == bob.AttendeeId);
    }

    [Fact]
    public async Task ReloadWithinTheGracePeriodIsNotAnnouncedAsANewJoin()
    {
        var (ann, bob, bobJoin) = await AnnSeesBobAsync();
        await CloseAsync(bob);

        _factory.Clock.Advance(ReloadTime);
        var (_, rejoin) = await OpenAgainAsync(bob);
        _factory.NextPresenceInterval();
        await CasJoinsAndAnnSeesItAsync(ann);

        Assert.Equal(bobJoin.Self.JoinedAt, rejoin.Self.JoinedAt);
        Assert.Single(ann.Presence.Items, p => p.Joined.Any(a => a.Id == bob.AttendeeId));
    }

    [Fact]
    public async Task ARemovedAttendeeLeavesPresenceAtOnceWithoutWaitingForTheGrace()
    {
        var (ann, bob, _) = await AnnSeesBobAsync();
        var (host, _) = await _factory.JoinAsHostAsync(_created!);
        _clients.Add(host);

        await host.Connection.RemoveAttendee(bob.AttendeeId);
        // One presence interval: a fiftieth of the grace period, so a leave after the grace would not be seen yet.
        _factory.NextPresenceInterval();

        var left = await ann.WaitUntilSeesLeft(bob.AttendeeId);
        Assert.Equal(2, left.AttendeeCount);
        Assert.DoesNotContain((await ann.Connection.Join()).Attendees, a => a.Id == bob.AttendeeId);
    }

    [Fact]
    public async Task TwoTabsOfOneAttendeeCountAsOne()
    {
        var (ann, bob, _) = await AnnSeesBobAsync();

        var (_, secondTab) = await OpenAgainAsync(bob);
        _factory.NextPresenceInterval();
        var (casJoin, casSeen) = await CasJoinsAndAnnSeesItAsync(ann);

        Assert.Equal(2, secondTab.AttendeeCount);
        Assert.Single(secondTab.Attendees, a => a.Id == bob.AttendeeId);
        Assert.Equal(3, casJoin.AttendeeCount);
        Assert.Single(casJoin.Attendees, a => a.Id == bob.AttendeeId);
        Assert.Single(ann.Presence.Items, p => p.Joined.Any(a => a.Id == bob.AttendeeId));
        Assert.Equal(3, casSeen.AttendeeCount);
    }

    [Fact]
    public async Task ClosingOneOfTwoTabsDoesNotMakeTheAttendeeLeave()
    {
        var (ann, bob, _) = await AnnSeesBobAsync();
        await OpenAgainAsync(bob);

        await CloseAsync(bob);
        _factory.Clock.Advance(FakeClockFactory.GracePeriod);
        _factory.NextPresenceInterval();
        var (casJoin, _) = await CasJoinsAndAnnSeesItAsync(ann);

        AssertNeverSeenLeaving(ann, bob.AttendeeId);
        Assert.Contains(casJoin.Attendees, a => a.Id == bob.AttendeeId);
        Assert.Equal(3, casJoin.AttendeeCount);
    }
}

/// <summary>The same tests with the server in Redis mode, still on the fake clock.</summary>
public sealed class PresenceGraceOnRedisTests : PresenceGraceTests
{
    public PresenceGraceOnRedisTests()
        : base(new RedisFakeClockFactory())
    {
    }
}
