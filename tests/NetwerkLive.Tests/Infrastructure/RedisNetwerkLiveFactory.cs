namespace NetwerkLive.Tests.Infrastructure;

/// <summary>The real server in Redis mode (see <see cref="NetwerkLiveFactory.OnRedis"/>), so the hub tests also prove the Redis path.</summary>
public sealed class RedisNetwerkLiveFactory : NetwerkLiveFactory
{
    public RedisNetwerkLiveFactory() => OnRedis();
}
