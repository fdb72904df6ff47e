using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using NetwerkLive.Contracts;

namespace NetwerkLive.Server.Storage;

/// <summary>An event as stored. Timestamps are Unix epoch milliseconds.</summary>
public sealed record EventRecord(
    string EventId,
    string Title,
    string? LivestreamUrl,
    string? MeetingUrlTemplate,
    string HostId,
    long CreatedAt,
    string? SeriesId = null,
    string? MeetingMode = null,
    long? StartsAt = null,
    long? LiveAt = null,
    string? Description = null,
    string[]? InterestTags = null,
    bool AllowOwnInterests = true,
    long? EndedAt = null,
    string? ReplayUrl = null,
    bool ChatOpenAfterLive = false,
    long? OpenUntil = null)
{
    /// <summary>Whether the room's chat takes messages: while live always, after the live part as the host chose.</summary>
    public bool ChatOpen => EndedAt is null || ChatOpenAfterLive;

    /// <summary>The one change EndLive makes, for both stores: the end and how long it stays open are set once; replay and chat every time.</summary>
    public EventRecord WithLiveEnded(long endedAt, long openUntil, string? replayUrl, bool chatOpen) =>
        this with
        {
            EndedAt = EndedAt ?? endedAt,
            OpenUntil = OpenUntil ?? openUntil,
            ReplayUrl = replayUrl,
            ChatOpenAfterLive = chatOpen,
        };

    /// <summary>The host's interest tags; events stored before tags existed have none.</summary>
    public string[] Tags => InterestTags ?? [];

    /// <summary>Whether attendees may add interests besides <see cref="Tags"/>: always when there are no tags to choose from.</summary>
    public bool OwnInterestsAllowed => AllowOwnInterests || Tags.Length == 0;

    /// <summary>How breakouts meet; events stored before the choice existed follow the rule for a request without one.</summary>
    public string Mode => MeetingMode ?? Video.MeetingModeRules.Resolve(null, MeetingUrlTemplate);

    /// <summary>The community series this event belongs to: the first event's id (its own when it starts one).</summary>
    public string Series => SeriesId ?? EventId;

    /// <summary>
    /// The series as clients see it (in person tokens and the event summary): a hash of <see cref="Series"/>,
    /// so an attendee of a later event is not handed the first event's link.
    /// </summary>
    public string SeriesKey => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes("netwerklive-series:" + Series)).AsSpan(0, 16));
}

/// <summary>
/// Someone registered for an event: an attendee, or the host. <see cref="Contact"/> is private and
/// never leaves the server except on a mutual follow-up. <see cref="PersonId"/> is who this is across
/// the events of a series: issued by the server (a new one, or the one their person token carries),
/// never derived from what they typed, and never shown to anyone. <see cref="Ask"/> and <see cref="Offer"/>: "Ik zoek /
/// Ik bied", public within the event (records stored before they existed read as null).
/// </summary>
public sealed record AttendeeRecord(
    string EventId,
    string AttendeeId,
    string DisplayName,
    string? Company,
    string[] Interests,
    string? Contact,
    bool IsHost,
    bool Available,
    bool Removed,
    long RegisteredAt,
    string PersonId,
    int TokenVersion = 0,
    AskOffer? Ask = null,
    AskOffer? Offer = null)
{
    /// <summary>Whether they are on the asks and offers board (and in the stores' index of it).</summary>
    public bool HasAskOrOffer => Ask is not null || Offer is not null;

    /// <summary>The company compared case-insensitively; null when unknown (unknown never counts as a colleague).</summary>
    public string? CompanyKey => string.IsNullOrWhiteSpace(Company) ? null : Company.Trim().ToUpperInvariant();
}

/// <summary>An attendee who is in the live room, and since when.</summary>
public readonly record struct PresentAttendee(string AttendeeId, long JoinedAt);

/// <summary>An attendee who is present with no connection left, since <see cref="IdleSince"/>.</summary>
public readonly record struct IdleAttendee(string EventId, string AttendeeId, long IdleSince);

/// <summary>The first attendees present (by join time) and how many there are in all.</summary>
public sealed record PresenceSnapshot(IReadOnlyList<PresentAttendee> Attendees, int Count);
