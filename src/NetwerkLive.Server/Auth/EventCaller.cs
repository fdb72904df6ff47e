using System.Globalization;
using System.Security.Claims;

namespace NetwerkLive.Server.Auth;

/// <summary>Who a token speaks for: one attendee (or the host) of one event.</summary>
public sealed record EventCaller(string EventId, string AttendeeId, bool IsHost, int TokenVersion = 0)
{
    /// <summary>Which <see cref="Storage.AttendeeRecord.TokenVersion"/> the token was issued for; tokens without it are version 0.</summary>
    public const string TokenVersionClaim = "tv";

    public const string EventClaim = "evt";
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";
    public const string HostRole = "host";
    public const string AttendeeRole = "attendee";

    public static EventCaller? From(ClaimsPrincipal? user)
    {
        var eventId = user?.FindFirst(EventClaim)?.Value;
        var attendeeId = user?.FindFirst(SubjectClaim)?.Value;
        if (string.IsNullOrEmpty(eventId) || string.IsNullOrEmpty(attendeeId))
        {
            return null;
        }
        var version = int.TryParse(user!.FindFirst(TokenVersionClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        return new EventCaller(eventId, attendeeId, user.FindFirst(RoleClaim)?.Value == HostRole, version);
    }
}
