using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Storage.Redis;

namespace NetwerkLive.Server.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// The embedded in-memory store (the default, which needs no setup), or Redis for everything nodes
    /// share when Redis:ConnectionString is set (see docs/redis.md).
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        if (ClusterExtensions.IsRedisConfigured(builder.Configuration))
        {
            builder.Services.AddSingleton<IEventStore, RedisEventStore>();
            builder.Services.AddSingleton<RedisPresenceStore>();
            builder.Services.AddSingleton<IPresenceStore>(sp => sp.GetRequiredService<RedisPresenceStore>());
            builder.Services.AddSingleton<IChatStore, RedisChatStore>();
            builder.Services.AddSingleton<IBreakoutStore, RedisBreakoutStore>();
            return builder;
        }
        builder.Services.AddSingleton<IEventStore, InMemoryEventStore>();
        builder.Services.AddSingleton<IPresenceStore, InMemoryPresenceStore>();
        builder.Services.AddSingleton<IChatStore, InMemoryChatStore>();
        builder.Services.AddSingleton<IBreakoutStore, InMemoryBreakoutStore>();
        return builder;
    }
}
