namespace NetwerkLive.Server.Storage;

/// <summary>An event as stored. Timestamps are Unix epoch milliseconds.</summary>
public sealed record EventRecord(
    string EventId,
    string Title,
    string? LivestreamUrl,
    string? MeetingUrlTemplate,
    string HostId,
    long CreatedAt,
    string? SeriesId = null)
{
    /// <summary>The community series this event belongs to: the first event's id (its own when it starts one).</summary>
    public string Series => SeriesId ?? EventId;
}

/// <summary>
/// Someone registered for an event: an attendee, or the host. <see cref="Contact"/> is private and
/// never leaves the server except on a mutual follow-up.
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
    int TokenVersion = 0)
{
    /// <summary>
    /// Who this is across the events of a series: their contact, or else their name and company
    /// (case-insensitive). Never shown to anyone.
    /// </summary>
    public string PersonKey => Contact is { Length: > 0 } contact
        ? "c:" + contact.Trim().ToUpperInvariant()
        : "n:" + DisplayName.Trim().ToUpperInvariant() + "|" + (Company ?? "").Trim().ToUpperInvariant();

    /// <summary>The company compared case-insensitively; null when unknown (unknown never counts as a colleague).</summary>
    public string? CompanyKey => string.IsNullOrWhiteSpace(Company) ? null : Company.Trim().ToUpperInvariant();
}

/// <summary>An attendee who is in the live room, and since when.</summary>
public readonly record struct PresentAttendee(string AttendeeId, long JoinedAt);

/// <summary>An attendee who is present with no connection left, since <see cref="IdleSince"/>.</summary>
public readonly record struct IdleAttendee(string EventId, string AttendeeId, long IdleSince);

/// <summary>The first attendees present (by join time) and how many there are in all.</summary>
public sealed record PresenceSnapshot(IReadOnlyList<PresentAttendee> Attendees, int Count);
