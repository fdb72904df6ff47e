using Microsoft.Extensions.Diagnostics.HealthChecks;
using NetwerkLive.Server.Storage;
using NetwerkLive.Server.Storage.Redis;

namespace NetwerkLive.Server.Cluster.Redis;

/// <summary>Ready only while Redis answers: a node that cannot reach the shared state should get no new clients.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis, RedisGate gate) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await gate.ReadAsync(async _ => await (await redis.GetDatabaseAsync()).PingAsync(), cancellationToken);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (StoreUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy("Redis is not reachable.", ex);
        }
    }
}
