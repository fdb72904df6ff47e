using NetwerkLive.LoadTests.Measurement;

namespace NetwerkLive.LoadTests.Scenarios;

/// <summary>N attendees joined; the host starts a round of pairs: the time until every attendee has its assignment.</summary>
internal sealed class BreakoutRoundScenario : IScenario
{
    public static string Name => "breakout-round";

    public static string Description => "N attendees joined, the host calls StartRound(60, 2): time until everyone has BreakoutStarted.";

    public static ScenarioSize Defaults(bool smoke) => smoke
        ? new(10, 1, 1, TimeSpan.Zero, 8, TimeSpan.FromSeconds(20))
        : new(2000, 1, 1, TimeSpan.Zero, 100, TimeSpan.FromSeconds(60));

    public async Task RunAsync(ScenarioContext context, Results.ScenarioResult result, CancellationToken ct)
    {
        var size = context.Size;
        await using var ours = await context.NetwerkLiveAsync(context.Nodes, context.UseRedis, ct);
        var target = result.AddTarget("netwerklive", ScenarioContext.Describe("NetwerkLive", context.Nodes, context.UseRedis), context.Nodes);
        var clients = await ours.PrepareAttendeesAsync(size.Attendees, size.Concurrency, ct);
        var joins = await JoinPhase.RunAsync(context, target, clients, ct);
        var host = await ours.JoinHostAsync(ct);

        var delivery = new LatencyHistogram();
        var told = new Countdown(joins.Joined);
        var waiting = 0;
        long calledAt = 0;
        foreach (var client in clients)
        {
            var first = 0;
            void Told()
            {
                // An attendee counts once, whether placed in a group or told to wait (odd one out).
                if (Interlocked.Exchange(ref first, 1) == 0)
                {
                    delivery.Record(calledAt, Stamp.Now);
                    told.Add();
                }
            }
            client.Connection.BreakoutStarted += _ => Told();
            client.Connection.BreakoutWaiting += _ =>
            {
                Interlocked.Increment(ref waiting);
                Told();
            };
        }

        using (context.Progress.Track($"{target.Name}: assignments", joins.Joined, () => told.Count))
        {
            calledAt = Stamp.Now;
            var round = await host.Connection.StartRound(60, 2).WaitAsync(size.Timeout, ct);
            target.Set("startRoundCallMs", Stamp.Seconds(calledAt, Stamp.Now) * 1000);
            target.Set("groups", round.GroupCount);
            target.Set("participants", round.ParticipantCount);
            if (!await Bounded.WithinAsync(told.Done, size.Timeout, ct))
            {
                target.Problems.Add($"{told.Count} of {joins.Joined} attendees had their assignment within {size.Timeout.TotalSeconds:0} s.");
            }
        }
        target.Set("assigned", told.Count);
        target.Set("toldToWait", waiting);
        target.Set("allAssignedSeconds", told.Count == joins.Joined ? Stamp.Seconds(calledAt, told.LastAt) : null);
        target.Add("assignmentDelivery", delivery);
    }
}
