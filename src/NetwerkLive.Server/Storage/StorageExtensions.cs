using Microsoft.Extensions.DependencyInjection.Extensions;
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
        // The stores' clocks (retention, activity); the server's other features add the same one.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (ClusterExtensions.IsRedisConfigured(builder.Configuration))
        {
            builder.Services.AddSingleton<RedisExpiry>();
            builder.Services.AddSingleton<IEventStore, RedisEventStore>();
            builder.Services.AddSingleton<RedisPresenceStore>();
            builder.Services.AddSingleton<IPresenceStore>(sp => sp.GetRequiredService<RedisPresenceStore>());
            builder.Services.AddSingleton<IChatStore, RedisChatStore>();
            builder.Services.AddSingleton<IBreakoutStore, RedisBreakoutStore>();
            builder.Services.AddSingleton<ICoffeeStore, RedisCoffeeStore>();
            return builder;
        }
        builder.Services.AddSingleton<EventActivity>();
        builder.Services.AddSingleton<InMemoryEventStore>();
        builder.Services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<InMemoryEventStore>());
        builder.Services.AddSingleton<InMemoryPresenceStore>();
        builder.Services.AddSingleton<IPresenceStore>(sp => sp.GetRequiredService<InMemoryPresenceStore>());
        builder.Services.AddSingleton<InMemoryChatStore>();
        builder.Services.AddSingleton<IChatStore>(sp => sp.GetRequiredService<InMemoryChatStore>());
        builder.Services.AddSingleton<InMemoryBreakoutStore>();
        builder.Services.AddSingleton<IBreakoutStore>(sp => sp.GetRequiredService<InMemoryBreakoutStore>());
        builder.Services.AddSingleton<InMemoryCoffeeStore>();
        builder.Services.AddSingleton<ICoffeeStore>(sp => sp.GetRequiredService<InMemoryCoffeeStore>());
        builder.Services.AddHostedService<InMemoryExpiry>();
        return builder;
    }
}
