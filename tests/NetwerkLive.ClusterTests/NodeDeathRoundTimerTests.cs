using NetwerkLive.ClusterTests.Infrastructure;

namespace NetwerkLive.ClusterTests;

/// <summary>A round's end is shared state, not a timer on the node that started it.</summary>
public sealed class NodeDeathRoundTimerTests
{
    /// <summary>
    /// Short, so the test waits seconds instead of a minute: what is tested is that the survivors take the
    /// dead node's timer over, which does not depend on the round's length (an overdue round is taken over
    /// one sweep after its end, whether or not the dead node has been noticed yet).
    /// </summary>
    private const int RoundSeconds = 8;

    /// <summary>How late the end may come: a survivor first has to notice the dead node and take its timers over.</summary>
    private static readonly TimeSpan EndDeadline = TimeSpan.FromSeconds(10);

    /// <summary>The server's timers and the test's clock are the same machine's, but a timer can fire a few ms early.</summary>
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task ARoundEndsOnceAtItsEndTimeAfterTheNodeThatStartedItWasKilled()
    {
        // Two survivors, so two sweepers race to take the dead node's timer over and only one may end the round.
        await using var cluster = await Cluster.StartAsync(3, new Dictionary<string, string>
        {
            ["Breakouts:MinRoundDuration"] = $"00:00:{RoundSeconds:00}",
        });
        var (starter, b, c) = (cluster[0], cluster[1], cluster[2]);
        await using var live = await ClusterEvent.CreateAsync(b);
        var (host, _) = await live.JoinAsHostAsync(starter);
        var (hostOnB, _) = await live.JoinAsHostAsync(b);
        var (hostOnC, _) = await live.JoinAsHostAsync(c);
        var (ann, _) = await live.JoinAsync(b, "Ann");
        var (bob, _) = await live.JoinAsync(c, "Bob");
        TestClient[] pair = [ann, bob];

        var round = await host.Connection.StartRound(RoundSeconds, 2);
        await starter.KillAsync();

        var endsAt = DateTimeOffset.FromUnixTimeMilliseconds(round.EndsAt);
        var wait = endsAt + EndDeadline - DateTimeOffset.UtcNow;
        DateTimeOffset[] ended = [];
        try
        {
            ended = await Task.WhenAll(pair.Select(async client =>
            {
                await Task.WhenAll(
                    client.BreakoutEnded.WaitFor(e => e.RoundId == round.RoundId, wait),
                    client.RoundEnded.WaitFor(e => e.RoundId == round.RoundId, wait));
                return DateTimeOffset.UtcNow;
            }));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The round due at {endsAt:HH:mm:ss.fff} had not ended for Ann and Bob on the surviving nodes {EndDeadline.TotalSeconds} s later.\n{cluster.Output()}");
        }

        foreach (var at in ended)
        {
            Assert.True(at >= endsAt - EarlyTolerance, $"The round ended at {at:HH:mm:ss.fff}, before its end time {endsAt:HH:mm:ss.fff}.");
            Assert.True(at <= endsAt + EndDeadline, $"The round ended at {at:HH:mm:ss.fff}, more than {EndDeadline.TotalSeconds} s after {endsAt:HH:mm:ss.fff}.");
        }

        // No second end can come: the shared state holds one ended round and nothing due for the event,
        // and a sweep or a timer only ends what the store says is due.
        var report = await b.Api.GetReportAsync(live.Id, live.Created.HostToken);
        var reported = Assert.Single(report.Rounds);
        Assert.Equal(round.RoundId, reported.RoundId);
        Assert.True(reported.EndedAt >= round.EndsAt, $"The report says the round ended at {reported.EndedAt}, before its end time {round.EndsAt}.");
        var due = await cluster.RedisAsync("ZSCORE", "bo:due", live.Id);
        Assert.True(due is null, $"The event is still due at {due} after its round ended, so a sweep would tick it again.\n{cluster.Output()}");

        // And none is on its way: each survivor now pushes on the channels a duplicate from it would use
        // (the event's group for RoundEnded, each attendee's own for BreakoutEnded), and what a node
        // published on a channel before arrives before what it publishes on it after.
        var second = await hostOnB.Connection.StartRound(RoundSeconds, 2);
        await Task.WhenAll(pair.Select(client => Task.WhenAll(
            client.RoundStarted.WaitFor(r => r.RoundId == second.RoundId),
            client.BreakoutStarted.WaitFor(s => s.RoundId == second.RoundId))));
        await hostOnC.Connection.EndRound();
        await Task.WhenAll(pair.Select(client => Task.WhenAll(
            client.RoundEnded.WaitFor(r => r.RoundId == second.RoundId),
            client.BreakoutEnded.WaitFor(e => e.RoundId == second.RoundId))));
        foreach (var client in pair)
        {
            Assert.Single(client.BreakoutEnded.Items, e => e.RoundId == round.RoundId);
            Assert.Single(client.RoundEnded.Items, e => e.RoundId == round.RoundId);
        }
    }
}
