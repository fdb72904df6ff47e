using Microsoft.Extensions.Options;
using NetwerkLive.Server.Cluster.Redis;
using NetwerkLive.Server.Moderation;
using NetwerkLive.Server.Observability;
using NetwerkLive.Server.Presence;
using NetwerkLive.Server.Storage.Redis;

namespace NetwerkLive.Server.Cluster;

public static class ClusterExtensions
{
    /// <summary>
    /// How this node works with others: alone (no Redis configured, the default) or as one of several
    /// over Redis. Storage follows the same choice (see <c>AddStorage</c>).
    /// </summary>
    public static IHostApplicationBuilder AddCluster(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RedisOptions>()
            .BindConfiguration(RedisOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.NodeTimeout > o.HeartbeatInterval * 2,
                "Redis:NodeTimeout must be more than twice Redis:HeartbeatInterval, or a live node that is a little late looks dead.")
            .ValidateOnStart();
        builder.Services.AddSingleton<NodeIdentity>();
        builder.Services.AddHostedService<RemovalRelay>();

        if (!IsRedisConfigured(builder.Configuration))
        {
            builder.Services.AddSingleton<IClusterBus, LocalClusterBus>();
            builder.Services.AddSingleton<IPresenceWindow, SingleNodePresenceWindow>();
            return builder;
        }

        builder.Services.AddSingleton<RedisConnection>();
        builder.Services.AddSingleton<RedisGate>();
        builder.Services.AddSingleton<RedisNodes>();
        builder.Services.AddSingleton<IClusterNodes, RedisClusterNodes>();
        builder.Services.AddSingleton<IClusterBus, RedisClusterBus>();
        builder.Services.AddSingleton<IPresenceWindow, RedisPresenceWindow>();
        builder.Services.AddHostedService<NodeHeartbeat>();
        builder.Services.AddHostedService<ClusterSweeper>();
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [ObservabilityExtensions.ReadyTag]);

        // The backplane carries hub messages between nodes, over the same connection and under the same prefix.
        builder.Services.AddSignalR().AddStackExchangeRedis();
        builder.Services.AddOptions<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions>()
            .Configure<RedisConnection, IOptions<RedisOptions>>((backplane, connection, redis) =>
            {
                backplane.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal(redis.Value.KeyPrefix);
                backplane.ConnectionFactory = _ => connection.ConnectAsync();
            });
        return builder;
    }

    public static bool IsRedisConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.ConnectionString)}"]);
}
