using MessagePack;

namespace NetwerkLive.Contracts;

/// <summary>
/// A WebRTC signalling message from a partner in the receiver's current group: an offer, answer, ICE candidate
/// or the browsers' own small control message. The server relays <see cref="Payload"/> as it came and never
/// reads it; no media passes through the server.
/// </summary>
[MessagePackObject]
public sealed record CallSignalNotice(
    [property: Key("roundId")] string RoundId,
    [property: Key("groupId")] string GroupId,
    [property: Key("fromAttendeeId")] string FromAttendeeId,
    [property: Key("payload")] string Payload);

/// <summary>One entry of RTCConfiguration.iceServers; TURN entries carry a short-lived username and credential.</summary>
[MessagePackObject]
public sealed record IceServer(
    [property: Key("urls")] string[] Urls,
    [property: Key("username")] string? Username = null,
    [property: Key("credential")] string? Credential = null);

/// <summary>
/// What a browser needs to set up its peer connections: the ICE servers (STUN, and TURN with credentials issued
/// to the caller), the ICE transport policy ("all", or "relay" to send every call through TURN), and when the
/// TURN credentials stop working (epoch ms; ask again before then for a restart). No TURN entry: expiresAt is 0.
/// </summary>
[MessagePackObject]
public sealed record IceConfig(
    [property: Key("iceServers")] IceServer[] IceServers,
    [property: Key("iceTransportPolicy")] string IceTransportPolicy,
    [property: Key("expiresAt")] long ExpiresAt);

/// <summary>How breakouts of an event meet: in the page (WebRTC), on the external meeting link, or both.</summary>
public static class MeetingModes
{
    public const string InPage = "inPage";
    public const string External = "external";
    public const string Both = "both";

    public static readonly string[] All = [InPage, External, Both];
}
