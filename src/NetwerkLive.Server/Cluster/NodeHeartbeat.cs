using Microsoft.Extensions.Options;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Cluster;

/// <summary>
/// Tells the other nodes, every <see cref="RedisOptions.HeartbeatInterval"/>, that this node is alive.
/// A beat that finds the node no longer counted as alive (it stalled longer than the node timeout, or Redis
/// restarted empty) puts this node's connections back in the shared presence: the others may have dropped them.
/// </summary>
public sealed class NodeHeartbeat(IClusterNodes nodes, NodeIdentity self, RoomService room, TimeProvider time, IOptions<RedisOptions> options,
    ILogger<NodeHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        var failing = false;
        var first = true;
        do
        {
            try
            {
                var stillAlive = await nodes.BeatAsync(self.NodeId, options.Value.NodeTimeout);
                if (!stillAlive && !first)
                {
                    var restored = await room.RestoreConnectionsAsync();
                    ClusterLog.ConnectionsRestored(logger, self.NodeId, restored);
                }
                first = false;
                if (failing)
                {
                    ClusterLog.HeartbeatRestored(logger, self.NodeId);
                    failing = false;
                }
            }
            catch (Exception ex) when (ex is StoreUnavailableException or TimeoutException)
            {
                if (!failing)
                {
                    ClusterLog.HeartbeatFailed(logger, ex, self.NodeId);
                    failing = true;
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
