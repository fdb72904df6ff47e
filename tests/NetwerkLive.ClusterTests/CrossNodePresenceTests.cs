using System.Diagnostics;
using NetwerkLive.ClusterTests.Infrastructure;

namespace NetwerkLive.ClusterTests;

[Collection(SharedCluster.Name)]
public sealed class CrossNodePresenceTests(TwoNodeCluster nodes)
{
    /// <summary>The test's stopwatch starts a moment after the server saw the tab close, never before.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMilliseconds(100);

    private TimeSpan PresenceInterval => TimeSpan.Parse(nodes.Cluster.Settings["Room:PresenceInterval"], System.Globalization.CultureInfo.InvariantCulture);

    private TimeSpan GracePeriod => TimeSpan.Parse(nodes.Cluster.Settings["Room:PresenceGracePeriod"], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task AnAttendeeOnOneNodeIsListedForClientsOnTheOther()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (bob, _) = await live.JoinAsync(nodes.B, "Bob");

        var (ann, _) = await live.JoinAsync(nodes.A, "Ann");

        var seen = await bob.WaitUntilSeesPresent(ann.AttendeeId);
        Assert.Equal(2, seen.AttendeeCount);
        var (_, casJoin) = await live.JoinAsync(nodes.B, "Cas");
        Assert.Contains(casJoin.Attendees, a => a.Id == ann.AttendeeId);
        Assert.Contains(casJoin.Attendees, a => a.Id == bob.AttendeeId);
        Assert.Equal(3, casJoin.AttendeeCount);
    }

    [Fact]
    public async Task OneAttendeeWithTabsOnBothNodesCountsOnceUntilTheLastTabCloses()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (watcher, _) = await live.JoinAsync(nodes.A, "Wim");
        var (annOnA, _) = await live.JoinAsync(nodes.A, "Ann");
        await watcher.Presence.WaitFor(p => p.AttendeeCount == 2);

        var (annOnB, secondTab) = await live.OpenTabAsync(nodes.B, annOnA);

        Assert.Equal(2, secondTab.AttendeeCount);
        Assert.Single(secondTab.Attendees, a => a.Id == annOnA.AttendeeId);
        // Someone joining after the second tab is counted after it: if Ann had been counted twice, 4.
        var (dee, _) = await live.JoinAsync(nodes.B, "Dee");
        var withDee = await watcher.WaitUntilSeesPresent(dee.AttendeeId);
        Assert.Equal(3, withDee.AttendeeCount);
        Assert.Equal(3, (await nodes.B.Api.GetEventAsync(live.Id)).AttendeeCount);

        // Ann's tab on A and Dee close together; once Dee's grace period is over, Ann's would be too.
        await Task.WhenAll(live.CloseAsync(annOnA), live.CloseAsync(dee));
        var deeLeft = await watcher.WaitUntilSeesLeft(dee.AttendeeId);

        Assert.DoesNotContain(watcher.Presence.Items, p => p.Left.Contains(annOnA.AttendeeId));
        Assert.Equal(2, deeLeft.AttendeeCount);
        var (_, evaJoin) = await live.JoinAsync(nodes.A, "Eva");
        Assert.Contains(evaJoin.Attendees, a => a.Id == annOnA.AttendeeId);

        var closed = Stopwatch.StartNew();
        await live.CloseAsync(annOnB);
        await watcher.WaitUntilSeesLeft(annOnA.AttendeeId);
        Assert.True(closed.Elapsed >= GracePeriod - ClockSlack,
            $"Ann left {closed.Elapsed.TotalMilliseconds:0} ms after her last tab closed, before the {GracePeriod.TotalMilliseconds:0} ms grace period was over.");
    }

    /// <summary>
    /// The most presence messages a watcher may get for a burst: one per presence interval for the whole
    /// event, however many nodes its attendees are on (a node sends only when it opens the event's window in
    /// Redis), plus one for an interval the burst only partly covers.
    /// </summary>
    private static int MaxPresenceMessages(TimeSpan window, TimeSpan interval) =>
        (int)Math.Ceiling(window / interval) + 1;

    [Fact]
    public async Task ABurstOfJoinsOnBothNodesIsCoalescedPerPresenceInterval()
    {
        const int burst = 20;
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (watcher, _) = await live.JoinAsync(nodes.A, "Wim");
        // Connected beforehand, so the burst is only the Join() calls that make people present.
        var joiners = await Task.WhenAll(Enumerable.Range(1, burst)
            .Select(i => live.ConnectWithoutJoiningAsync(i % 2 == 0 ? nodes.A : nodes.B, $"Deelnemer {i}")));
        var before = watcher.Presence.Items.Count;

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(joiners.Select(j => j.Connection.Join()));
        // Each node pushes its own joins (with the count it reads then): the burst is over for the watcher
        // once it has seen every joiner, from whichever node, not at the first push that has the full count.
        await Task.WhenAll(joiners.Select(j => watcher.WaitUntilSeesPresent(j.AttendeeId)));
        var window = clock.Elapsed;

        var messages = watcher.Presence.Items.Skip(before).ToList();
        var bound = MaxPresenceMessages(window, PresenceInterval);
        Assert.True(messages.Count <= bound,
            $"{messages.Count} presence messages for {burst} joins in {window.TotalMilliseconds:0} ms; at most {bound} allowed at one per {PresenceInterval.TotalMilliseconds:0} ms across both nodes.");
        Assert.Equal(burst + 1, messages.Max(m => m.AttendeeCount));
        Assert.Equal(burst + 1, (await nodes.B.Api.GetEventAsync(live.Id)).AttendeeCount);
    }
}
