using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// The host's live overview (BreakoutOverview): pushed to the host's connections only, one push per delay after a
/// change, whole, with counts that agree with its lists. On a fake clock: a push comes only when a test lets the delay pass.
/// </summary>
public class HostOverviewTests
{
    /// <summary>Whether each test's own server runs in Redis mode.</summary>
    protected virtual bool OnRedis => false;

    private static TimeSpan Delay(ClockedEvent ev) => ev.Factory.Services.GetRequiredService<IOptions<BreakoutOptions>>().Value.HostOverviewDelay;

    /// <summary>Lets the delay pass and returns the push it brings (built at the clock's new now).</summary>
    private static async Task<BreakoutOverview> PushAfterDelayAsync(ClockedEvent ev, TestClient host)
    {
        ev.Clock.Advance(Delay(ev));
        var now = ev.Now;
        var overview = await host.Overviews.WaitFor(o => o.GeneratedAt >= now);
        AssertCountsAgreeWithTheLists(overview);
        return overview;
    }

    private static void AssertCountsAgreeWithTheLists(BreakoutOverview overview)
    {
        Assert.Equal(overview.Waiting.Length, overview.Counts.Waiting);
        Assert.Equal(overview.Groups.Sum(g => g.Members.Count(m => m.State != MemberStates.Left)), overview.Counts.InBreakouts);
        Assert.InRange(overview.Counts.Open, 0, overview.Counts.Present);
    }

    private static OverviewGroup GroupOf(BreakoutOverview overview, TestClient member) =>
        overview.Groups.Single(g => g.Members.Any(m => m.AttendeeId == member.AttendeeId && m.State != MemberStates.Left));

    private static string StateOf(OverviewGroup group, TestClient member) => group.Members.Single(m => m.AttendeeId == member.AttendeeId).State;

    private static string[] Ids(IEnumerable<OverviewPerson> people) => [.. people.Select(p => p.AttendeeId).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task TheHostSeesEveryGroupOfAStartedRoundWithNamesAndCompanies()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var four = await ev.Live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk");

        var round = await host.Connection.StartRound(600, 2);

        var overview = await PushAfterDelayAsync(ev, host);
        Assert.Equal(new OverviewRound(round.RoundId, 1, round.EndsAt - 600_000, round.EndsAt, 2), overview.Round);
        Assert.Equal(2, overview.Groups.Length);
        Assert.All(overview.Groups, g => Assert.Equal((GroupKinds.Round, round.RoundId, round.EndsAt), (g.Kind, g.RoundId, g.EndsAt)));
        var members = overview.Groups.SelectMany(g => g.Members).OrderBy(m => m.DisplayName, StringComparer.Ordinal).ToArray();
        Assert.Equal(["Ann", "Bob", "Cas", "Dirk"], members.Select(m => m.DisplayName));
        Assert.All(members, m => Assert.Equal((m.DisplayName + " BV", MemberStates.InGroup), (m.Company, m.State)));
        Assert.Equal(new OverviewCounts(Present: 4, Open: 4, InBreakouts: 4, Waiting: 0), overview.Counts);
    }

    [Fact]
    public async Task AMemberWhoLeavesStaysListedAsLeftAndSomeoneLeftAloneWaits()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var five = await ev.Live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk", "Eva");
        await host.Connection.StartRound(600, 2);
        var started = await PushAfterDelayAsync(ev, host);
        var trio = started.Groups.Single(g => g.Members.Length == 3);
        var pair = started.Groups.Single(g => g.Members.Length == 2);
        var trioLeaver = five.With(trio.Members[0].AttendeeId);
        var (pairLeaver, alone) = (five.With(pair.Members[0].AttendeeId), five.With(pair.Members[1].AttendeeId));

        await trioLeaver.Connection.LeaveBreakout();
        await pairLeaver.Connection.LeaveBreakout();

        var overview = await PushAfterDelayAsync(ev, host);
        var rest = overview.Groups.Single();
        Assert.Equal(trio.GroupId, rest.GroupId);
        Assert.Equal(MemberStates.Left, StateOf(rest, trioLeaver));
        Assert.Equal([MemberStates.InGroup, MemberStates.InGroup, MemberStates.Left], rest.Members.Select(m => m.State));
        Assert.Equal([alone.AttendeeId], Ids(overview.Waiting));
        Assert.Equal([.. new[] { trioLeaver.AttendeeId, pairLeaver.AttendeeId }.Order(StringComparer.Ordinal)], Ids(overview.SatOut));
        Assert.Equal(new OverviewCounts(Present: 5, Open: 5, InBreakouts: 2, Waiting: 1), overview.Counts);
    }

    [Fact]
    public async Task ALostConnectionShowsAsConnectionLostAndTheReturnAsInTheGroup()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var pair = await ev.Live.JoinAllAsync("Ann", "Bob");
        await host.Connection.StartRound(600, 2);
        await PushAfterDelayAsync(ev, host);

        await ev.DropAsync(pair[0]);
        var lost = await PushAfterDelayAsync(ev, host);
        await ev.ConnectAsync(pair[0].AttendeeId, pair[0].Token);
        var back = await PushAfterDelayAsync(ev, host);

        Assert.Equal(MemberStates.ConnectionLost, StateOf(GroupOf(lost, pair[0]), pair[0]));
        Assert.Equal(MemberStates.InGroup, StateOf(GroupOf(lost, pair[1]), pair[1]));
        Assert.Equal(new OverviewCounts(Present: 2, Open: 2, InBreakouts: 2, Waiting: 0), lost.Counts);
        Assert.All(GroupOf(back, pair[0]).Members, m => Assert.Equal(MemberStates.InGroup, m.State));
    }

    [Fact]
    public async Task AnExtensionVoteIsListedInItsGroup()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var pair = await ev.Live.JoinAllAsync("Ann", "Bob");
        await host.Connection.StartRound(600, 2);
        await PushAfterDelayAsync(ev, host);

        await pair[1].Connection.ProposeExtension();

        var overview = await PushAfterDelayAsync(ev, host);
        Assert.Equal([pair[1].AttendeeId], GroupOf(overview, pair[1]).ExtensionVotes);
    }

    [Fact]
    public async Task ACoffeeMatchIsListedAsACoffeeGroupAndWhoWaitsInTheQueueAsWaiting()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var three = await ev.Live.JoinAllAsync("Ann", "Bob", "Cas");

        await three[0].Connection.FindCoffeePartner();
        await three[1].Connection.FindCoffeePartner();

        var overview = await PushAfterDelayAsync(ev, host);
        Assert.Null(overview.Round);
        var coffee = overview.Groups.Single();
        Assert.Equal(GroupKinds.Coffee, coffee.Kind);
        Assert.Equal(RoundExpectations.Ids(three[0], three[1]), coffee.Members.Select(m => m.AttendeeId).Order(StringComparer.Ordinal));
        Assert.All(coffee.Members, m => Assert.Equal(MemberStates.InGroup, m.State));
        Assert.Equal([three[2].AttendeeId], Ids(overview.Waiting));
        Assert.Equal(new OverviewCounts(Present: 3, Open: 3, InBreakouts: 2, Waiting: 1), overview.Counts);
    }

    [Fact]
    public async Task ABurstOfChangesWithinTheDelayIsOnePush()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var four = await ev.Live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk");
        await PushAfterDelayAsync(ev, host);
        var before = host.Overviews.Items.Count;

        foreach (var attendee in four.Take(3))
        {
            await attendee.Connection.SetAvailable(false);
        }
        // The timer runs from the first change of the burst: one push when the delay has passed, none before.
        ev.Clock.Advance(Delay(ev) - TimeSpan.FromMilliseconds(1));
        ev.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var now = ev.Now;
        var burst = await host.Overviews.WaitFor(o => o.GeneratedAt >= now);
        // A later change brings a push of its own: whatever the burst pushed arrived before it.
        await four[3].Connection.SetAvailable(false);
        var after = await PushAfterDelayAsync(ev, host);

        Assert.Equal(new OverviewCounts(Present: 4, Open: 1, InBreakouts: 0, Waiting: 1), burst.Counts);
        Assert.Equal(new OverviewCounts(Present: 4, Open: 0, InBreakouts: 0, Waiting: 0), after.Counts);
        Assert.Equal(before + 2, host.Overviews.Items.Count);
    }

    [Fact]
    public async Task AttendeesNeverReceiveTheOverview()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var pair = await ev.Live.JoinAllAsync("Ann", "Bob");
        await host.Connection.StartRound(600, 2);

        await PushAfterDelayAsync(ev, host);
        // Sent after the push, so it reaches each attendee after the push would have.
        var said = await pair[0].Connection.SendChat("Hallo");
        await Task.WhenAll(pair.Select(a => a.Chat.WaitFor(m => m.Seq == said.Seq)));

        Assert.All(pair, a => Assert.Empty(a.Overviews.Items));
    }

    [Fact]
    public async Task AHostWhoReloadsGetsTheOverviewInJoinAndAnAttendeeDoesNot()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var pair = await ev.Live.JoinAllAsync("Ann", "Bob");
        var round = await host.Connection.StartRound(600, 2);

        var reloaded = await host.Connection.Join();
        var attendees = await pair[0].Connection.Join();

        var overview = Assert.IsType<BreakoutOverview>(reloaded.HostOverview);
        AssertCountsAgreeWithTheLists(overview);
        Assert.Equal((round.RoundId, 1), (overview.Round?.RoundId, overview.Round?.Number));
        Assert.Equal(RoundExpectations.Ids(pair[0], pair[1]), overview.Groups.Single().Members.Select(m => m.AttendeeId).Order(StringComparer.Ordinal));
        Assert.Equal(new OverviewCounts(Present: 2, Open: 2, InBreakouts: 2, Waiting: 0), overview.Counts);
        Assert.Null(attendees.HostOverview);
    }

    [Fact]
    public async Task TheRoundNumberCountsTheEventsRounds()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        await ev.Live.JoinAllAsync("Ann", "Bob");
        await host.Connection.StartRound(600, 2);
        await host.Connection.EndRound();
        var between = await PushAfterDelayAsync(ev, host);

        var second = await host.Connection.StartRound(600, 2);

        var overview = await PushAfterDelayAsync(ev, host);
        Assert.Null(between.Round);
        Assert.Empty(between.Groups);
        Assert.Equal((second.RoundId, 2), (overview.Round?.RoundId, overview.Round?.Number));
    }
}

/// <summary>The same on the Redis stores.</summary>
public sealed class HostOverviewOnRedisTests : HostOverviewTests
{
    protected override bool OnRedis => true;
}
