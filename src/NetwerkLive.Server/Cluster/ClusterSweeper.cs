using Microsoft.Extensions.Options;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Presence;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Cluster;

/// <summary>
/// What no single node can be trusted to finish, checked by every node every <see cref="RedisOptions.SweepInterval"/>:
/// the connections of dead nodes, attendees whose grace period ended with nobody left to end it, and breakout
/// timers that are overdue (the node that set them died). Each takeover is atomic in the store, so when two
/// nodes sweep at once only one acts.
/// </summary>
public sealed class ClusterSweeper(
    IClusterNodes nodes,
    NodeIdentity self,
    IPresenceStore presenceStore,
    PresenceService presence,
    IBreakoutStore breakoutStore,
    BreakoutService breakouts,
    TimeProvider time,
    IOptions<RedisOptions> options,
    ILogger<ClusterSweeper> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync();
            }
            catch (StoreUnavailableException)
            {
                // Redis is away; the next sweep after it is back does the work. The heartbeat logs the outage.
            }
            catch (Exception ex)
            {
                ClusterLog.SweepFailed(logger, ex);
            }
        }
    }

    public async Task SweepAsync()
    {
        await presence.RetryDeferredDisconnectsAsync();
        await DropDeadNodesAsync();
        await EndIdlePresenceAsync();
        await TickOverdueBreakoutsAsync();
    }

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    // Own timers run on time; a sweep only takes over what is later than that by a whole sweep interval.
    private long Slack => (long)options.Value.SweepInterval.TotalMilliseconds;

    private async Task DropDeadNodesAsync()
    {
        foreach (var dead in await nodes.GetDeadNodesAsync())
        {
            // Never drop our own connections: they are real, whatever Redis says (it may have restarted empty).
            if (dead == self.NodeId || !await nodes.TryTakeLeaseAsync("drop:" + dead, self.NodeId, options.Value.NodeTimeout))
            {
                continue;
            }
            var idle = await nodes.DropNodeAsync(dead, Now);
            await nodes.ForgetNodeAsync(dead);
            foreach (var lost in idle)
            {
                // Their last connection was on the dead node: lost now, as if it had closed (the grace runs from here).
                await presence.ConnectionLostAsync(lost.EventId, lost.AttendeeId);
            }
            ClusterLog.NodeDropped(logger, dead, idle.Count);
        }
    }

    private async Task EndIdlePresenceAsync()
    {
        var cutoff = Now - (long)presence.GracePeriod.TotalMilliseconds - Slack;
        foreach (var idle in await presenceStore.GetIdleAsync(cutoff, BatchSize))
        {
            await presence.LeaveIfIdleAsync(idle.EventId, idle.AttendeeId);
        }
    }

    private async Task TickOverdueBreakoutsAsync()
    {
        var lease = TimeSpan.FromMilliseconds(Math.Max(1000, 2 * Slack));
        foreach (var eventId in await breakoutStore.GetDueAsync(Now - Slack, BatchSize))
        {
            if (await nodes.TryTakeLeaseAsync("tick:" + eventId, self.NodeId, lease))
            {
                ClusterLog.TimerTakenOver(logger, eventId);
                await breakouts.TickAsync(eventId);
            }
        }
    }
}
