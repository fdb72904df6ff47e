using System.ComponentModel.DataAnnotations;

namespace NetwerkLive.Server.AfterLive;

/// <summary>
/// After (and around) the live part: the asks and offers board. Bound from the "AfterLive" section and validated
/// at start-up (registered by <c>AddAsksAndOffers</c>).
/// </summary>
public sealed class AfterLiveOptions
{
    public const string Section = "AfterLive";

    /// <summary>At most this many people on the board (<c>GetBoard</c>), the newest registrations first.</summary>
    [Range(1, 5000, ErrorMessage = "AfterLive:BoardSize must be between 1 and 5000 people.")]
    public int BoardSize { get; set; } = 500;
}
