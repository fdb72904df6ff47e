using System.ComponentModel.DataAnnotations;

namespace NetwerkLive.Server.Video;

/// <summary>
/// In-page calls: the ICE servers browsers use and the TURN secret the server signs their credentials with.
/// Bound from the "Video" section and validated at start-up. No ICE servers by default: browsers on one network
/// (and tests on loopback) connect directly; across the Internet configure STUN, and TURN for people behind
/// corporate firewalls and some mobile carriers (docs/video.md).
/// </summary>
public sealed class VideoOptions
{
    public const string Section = "Video";

    /// <summary>The STUN and TURN servers, e.g. <c>Video:IceServers:0:Urls:0=turn:turn.example.org:3478</c>.</summary>
    public List<IceServerOptions> IceServers { get; set; } = [];

    /// <summary>The secret shared with the TURN server (coturn's <c>static-auth-secret</c>); needed when a TURN URL is set.</summary>
    public string? TurnSecret { get; set; }

    /// <summary>How long a TURN credential issued to an attendee works: longer than the longest breakout.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00", ErrorMessage = "Video:TurnCredentialLifetime must be between 5 minutes and 1 day.")]
    public TimeSpan TurnCredentialLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>"all" (direct where possible) or "relay" (every call through TURN, which hides people's addresses from each other).</summary>
    [RegularExpression("^(all|relay)$", ErrorMessage = "Video:IceTransportPolicy must be \"all\" or \"relay\".")]
    public string IceTransportPolicy { get; set; } = "all";

    /// <summary>
    /// The largest signalling payload relayed, in characters. An offer or answer for audio and video (an SDP
    /// listing the browser's codecs) is a few KB, a candidate a few hundred bytes; anything much larger is not signalling.
    /// </summary>
    [Range(1024, 65536, ErrorMessage = "Video:MaxSignalChars must be between 1024 and 65536.")]
    public int MaxSignalChars { get; set; } = 16 * 1024;

    /// <summary>Signalling messages per attendee per <see cref="SignalWindow"/>: a mesh of four with an ICE restart fits.</summary>
    [Range(1, 100_000, ErrorMessage = "Video:SignalsPerWindow must be between 1 and 100000.")]
    public int SignalsPerWindow { get; set; } = 200;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Video:SignalWindow must be between 1 second and 1 hour.")]
    public TimeSpan SignalWindow { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class IceServerOptions
{
    /// <summary>stun:, turn: or turns: URLs of one server.</summary>
    public string[] Urls { get; set; } = [];
}
