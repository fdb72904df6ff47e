using System.ComponentModel.DataAnnotations;

namespace NetwerkLive.Server.AfterLive;

/// <summary>
/// After (and around) the live part: the asks and offers board, and how long the event stays open after it. Bound from the "AfterLive" section and validated
/// at start-up (registered by <c>AddAsksAndOffers</c>).
/// </summary>
public sealed class AfterLiveOptions
{
    public const string Section = "AfterLive";

    /// <summary>At most this many people on the board (<c>GetBoard</c>), the newest registrations first.</summary>
    [Range(1, 5000, ErrorMessage = "AfterLive:BoardSize must be between 1 and 5000 people.")]
    public int BoardSize { get; set; } = 500;

    /// <summary>
    /// How long after the live part ends people may still register, use the board and the coffee queue (the event's
    /// <c>openUntil</c>); its data is kept at least <c>Storage:EventRetention</c> longer.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00",
        ErrorMessage = "AfterLive:OpenFor must be between one hour and 365 days (for example 30.00:00:00): how long people may still register and meet after the live part.")]
    public TimeSpan OpenFor { get; set; } = TimeSpan.FromDays(30);
}
