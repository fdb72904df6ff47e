using System.ComponentModel.DataAnnotations;

namespace NetwerkLive.Server.Breakouts;

/// <summary>Breakout timings. Bound from the "Breakouts" section and validated at start-up.</summary>
public sealed class BreakoutOptions
{
    public const string Section = "Breakouts";

    public const int MaxRoundSeconds = 3600;
    public const int MinGroupSize = 2;
    public const int MaxGroupSize = 4;

    /// <summary>
    /// The shortest round a host may start (a minute). Only tests that must wait for a round's own end
    /// (a cluster whose node died) have reason to shorten it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Breakouts:MinRoundDuration must be between 5 seconds and 1 hour.")]
    public TimeSpan MinRoundDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a coffee-queue match lasts.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "Breakouts:CoffeeDuration must be between 1 minute and 1 hour.")]
    public TimeSpan CoffeeDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The warning before a breakout ends.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00", ErrorMessage = "Breakouts:WarningBefore must be between 5 seconds and 10 minutes.")]
    public TimeSpan WarningBefore { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>What a group gets when every member proposed an extension.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:30:00", ErrorMessage = "Breakouts:GroupExtension must be between 1 and 30 minutes.")]
    public TimeSpan GroupExtension { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long someone who left the room keeps their place in a breakout, so a dropped phone
    /// connection that comes back finds the same partner.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Breakouts:ReconnectGrace must be between 0 and 10 minutes.")]
    public TimeSpan ReconnectGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the host's breakout overview waits after a change before it is built and pushed: the changes of that
    /// window go out as one push (a round start of hundreds of placements is one overview, not hundreds).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01", ErrorMessage = "Breakouts:HostOverviewDelay must be between 10 ms and 1 second (the host sees a change within a second).")]
    public TimeSpan HostOverviewDelay { get; set; } = TimeSpan.FromMilliseconds(250);
}
