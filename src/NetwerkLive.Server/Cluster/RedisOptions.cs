using System.ComponentModel.DataAnnotations;

namespace NetwerkLive.Server.Cluster;

/// <summary>
/// Scale-out over Redis. Bound from the "Redis" section and validated at start-up. Without a
/// <see cref="ConnectionString"/> the node runs alone on its in-memory store.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. "redis:6379". Empty: one node, in memory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Put before every key and backplane channel, so two deployments can share one Redis.</summary>
    [RegularExpression("^[A-Za-z0-9_.-]{1,40}:$", ErrorMessage = "Redis:KeyPrefix must be 1 to 40 letters, digits, '_', '.' or '-' followed by ':' (for example \"netwerklive:\").")]
    public string KeyPrefix { get; set; } = "netwerklive:";

    /// <summary>How long one Redis call may take before the hub call that needs it fails.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30", ErrorMessage = "Redis:OperationTimeout must be between 100 ms and 30 seconds.")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a node says it is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Redis:HeartbeatInterval must be between 100 ms and 1 minute.")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A node that has not said it is alive for this long is dead: the others take over its people and timers.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Redis:NodeTimeout must be between 1 second and 5 minutes.")]
    public TimeSpan NodeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each node looks for dead nodes, overdue breakout timers and attendees whose grace is over.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Redis:SweepInterval must be between 100 ms and 1 minute.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);
}
