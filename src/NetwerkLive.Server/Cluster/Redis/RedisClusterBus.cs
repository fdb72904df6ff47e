using NetwerkLive.Server.Storage.Redis;
using StackExchange.Redis;

namespace NetwerkLive.Server.Cluster.Redis;

/// <summary>The cluster bus over Redis pub/sub: one channel per topic under the deployment's prefix.</summary>
internal sealed class RedisClusterBus(RedisConnection redis, RedisGate gate, ILogger<RedisClusterBus> logger) : IClusterBus
{
    // Through the gate like every store write, so an outage is a StoreUnavailableException (a clear hub error).
    public Task PublishAsync(string topic, string message) =>
        gate.WriteAsync(async _ => await (await redis.ConnectAsync()).GetSubscriber().PublishAsync(Channel(topic), message));

    public async Task SubscribeAsync(string topic, Func<string, Task> handler)
    {
        var connection = await redis.ConnectAsync();
        await connection.GetSubscriber().SubscribeAsync(Channel(topic), (channel, message) => _ = HandleAsync(topic, handler, message));
    }

    private async Task HandleAsync(string topic, Func<string, Task> handler, RedisValue message)
    {
        try
        {
            await handler(message.ToString());
        }
        catch (Exception ex)
        {
            ClusterLog.BusHandlerFailed(logger, ex, topic);
        }
    }

    private RedisChannel Channel(string topic) => RedisChannel.Literal(redis.Prefix + "bus:" + topic);
}
