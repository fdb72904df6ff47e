using Microsoft.Extensions.Options;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Cluster;

/// <summary>Tells the other nodes, every <see cref="RedisOptions.HeartbeatInterval"/>, that this node is alive.</summary>
public sealed class NodeHeartbeat(IClusterNodes nodes, NodeIdentity self, TimeProvider time, IOptions<RedisOptions> options,
    ILogger<NodeHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        var failing = false;
        do
        {
            try
            {
                await nodes.BeatAsync(self.NodeId, options.Value.NodeTimeout);
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
