namespace NetwerkLive.Tests.Infrastructure;

/// <summary>
/// The real server in Redis mode: Redis stores, the SignalR backplane, heartbeat and sweeper, on the test
/// Redis (see <see cref="RedisServer"/>) under a prefix of its own, so the hub tests also prove the Redis path.
/// </summary>
public sealed class RedisNetwerkLiveFactory : NetwerkLiveFactory
{
    public RedisNetwerkLiveFactory()
    {
        With("Redis:ConnectionString", RedisServer.Instance.EndPoint);
        With("Redis:KeyPrefix", "hub" + Guid.NewGuid().ToString("N")[..12] + ":");
    }
}
