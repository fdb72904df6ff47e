using Microsoft.Extensions.Options;
using NetwerkLive.Server.Moderation;
using NetwerkLive.Server.Presence;

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

        builder.Services.AddHostedService<NodeHeartbeat>();
        builder.Services.AddHostedService<ClusterSweeper>();
        return builder;
    }

    public static bool IsRedisConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.ConnectionString)}"]);
}
