using NetwerkLive.ClusterTests.Infrastructure;

namespace NetwerkLive.ClusterTests;

/// <summary>A round's end is shared state, not a timer on the node that started it. (Takes a minute: 60 s is the shortest round.)</summary>
public sealed class NodeDeathRoundTimerTests
{
    private const int RoundSeconds = 60;

    /// <summary>How late the end may come: a survivor first has to notice the dead node and take its timers over.</summary>
    private static readonly TimeSpan EndDeadline = TimeSpan.FromSeconds(10);

    /// <summary>The server's timers and the test's clock are the same machine's, but a timer can fire a few ms early.</summary>
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task ARoundEndsOnceAtItsEndTimeAfterTheNodeThatStartedItWasKilled()
    {
        await using var cluster = await Cluster.StartAsync(2);
        var (starter, survivor) = (cluster[0], cluster[1]);
        await using var live = await ClusterEvent.CreateAsync(survivor);
        var (host, _) = await live.JoinAsHostAsync(starter);
        var (ann, _) = await live.JoinAsync(survivor, "Ann");
        var (bob, _) = await live.JoinAsync(survivor, "Bob");

        var round = await host.Connection.StartRound(RoundSeconds, 2);
        await starter.KillAsync();

        var endsAt = DateTimeOffset.FromUnixTimeMilliseconds(round.EndsAt);
        var wait = endsAt + EndDeadline - DateTimeOffset.UtcNow;
        DateTimeOffset[] ended = [];
        try
        {
            ended = await Task.WhenAll(new[] { ann, bob }.Select(async client =>
            {
                await Task.WhenAll(
                    client.BreakoutEnded.WaitFor(e => e.RoundId == round.RoundId, wait),
                    client.RoundEnded.WaitFor(e => e.RoundId == round.RoundId, wait));
                return DateTimeOffset.UtcNow;
            }));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The round due at {endsAt:HH:mm:ss.fff} had not ended for Ann and Bob on the surviving node {EndDeadline.TotalSeconds} s later.\n{cluster.Output()}");
        }

        foreach (var at in ended)
        {
            Assert.True(at >= endsAt - EarlyTolerance, $"The round ended at {at:HH:mm:ss.fff}, before its end time {endsAt:HH:mm:ss.fff}.");
            Assert.True(at <= endsAt + EndDeadline, $"The round ended at {at:HH:mm:ss.fff}, more than {EndDeadline.TotalSeconds} s after {endsAt:HH:mm:ss.fff}.");
        }
        // A second end would come from another sweep of the survivor's timers; nothing signals that none
        // is coming, so give the sweeps a few turns and then count.
        await Task.Delay(3 * TimeSpan.Parse(cluster.Settings["Redis:SweepInterval"], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var client in new[] { ann, bob })
        {
            Assert.Single(client.BreakoutEnded.Items, e => e.RoundId == round.RoundId);
            Assert.Single(client.RoundEnded.Items, e => e.RoundId == round.RoundId);
        }
    }
}
