using System.Diagnostics;
using NetwerkLive.ClusterTests.Infrastructure;

namespace NetwerkLive.ClusterTests;

[Collection(SharedCluster.Name)]
public sealed class CrossNodePresenceTests(TwoNodeCluster nodes)
{
    /// <summary>The test's stopwatch starts a moment after the server saw the tab close, never before.</summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMilliseconds(100);

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

    [Fact]
    public async Task ABurstOfJoinsOnBothNodesWaitsForTheEventsPresenceWindowThenComesAsOneMessagePerNode()
    {
        const int burst = 20;
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (watcher, _) = await live.JoinAsync(nodes.A, "Wim");
        await watcher.WaitUntilSeesPresent(watcher.AttendeeId);
        // Connected beforehand, so the burst is only the Join() calls that make people present.
        var joiners = await Task.WhenAll(Enumerable.Range(1, burst).Select(async i =>
        {
            var node = i % 2 == 0 ? nodes.A : nodes.B;
            return (Node: node.Name, Client: await live.ConnectWithoutJoiningAsync(node, $"Deelnemer {i}"));
        }));
        var before = watcher.Presence.Items.Count;
        // The test takes the event's one-interval window, as a third node that just sent would, and holds
        // it: meanwhile neither node may send, so each keeps every join of the burst in its batch, however
        // long the burst takes. (A plain SET: Wim's own message may still hold the window for a moment.)
        var window = $"pr:{live.Id}:window";
        Assert.Equal("OK", await nodes.Cluster.RedisAsync("SET", window, "held by the test"));

        await Task.WhenAll(joiners.Select(j => j.Client.Connection.Join()));
        Assert.Equal(1L, long.Parse(await nodes.Cluster.RedisAsync("DEL", window) ?? "0", System.Globalization.CultureInfo.InvariantCulture));

        // Each node sends its batch at its next interval end, the second an interval after the first
        // (the window is the first's by then): one message per node, carrying exactly that node's joiners.
        await Task.WhenAll(joiners.Select(j => watcher.WaitUntilSeesPresent(j.Client.AttendeeId)));
        var messages = watcher.Presence.Items.Skip(before).ToList();
        Assert.True(messages.Count == 2,
            $"{messages.Count} presence messages for {burst} joins on two nodes, not one per node: "
            + string.Join("; ", messages.Select(m => $"joined {m.Joined.Length}, count {m.AttendeeCount}")));
        var batches = messages.Select(m => string.Join(",", m.Joined.Select(a => a.Id).Order(StringComparer.Ordinal))).ToList();
        foreach (var node in joiners.GroupBy(j => j.Node))
        {
            var joinedThere = string.Join(",", node.Select(j => j.Client.AttendeeId).Order(StringComparer.Ordinal));
            Assert.True(batches.Contains(joinedThere), $"No presence message carries exactly the joins on node {node.Key} ({joinedThere}): {string.Join(" | ", batches)}");
        }
        Assert.Equal(burst + 1, messages.Max(m => m.AttendeeCount));
        Assert.Equal(burst + 1, (await nodes.B.Api.GetEventAsync(live.Id)).AttendeeCount);
    }
}
