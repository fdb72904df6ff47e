namespace NetwerkLive.Server.Storage;

/// <summary>
/// Who is in an event's live room. An attendee is present from their first connection until they
/// have no connection left and the presence service decides the grace period is over.
/// </summary>
public interface IPresenceStore
{
    /// <summary>
    /// Adds a connection and says what it changed: the attendee became present, came back (present with no
    /// connection left, within the grace period), or already had a connection. Atomic: of two connections
    /// opened at once after the last one closed, one came back and the other is an extra tab.
    /// </summary>
    Task<ConnectOutcome> ConnectAsync(string eventId, string attendeeId, string connectionId, long now, CancellationToken ct = default);

    /// <summary>
    /// Removes a connection and returns how many the attendee still has. When none is left, the attendee
    /// stays present but idle since <paramref name="now"/> (see <see cref="GetIdleAsync"/>).
    /// </summary>
    Task<int> DisconnectAsync(string eventId, string attendeeId, string connectionId, long now, CancellationToken ct = default);

    /// <summary>
    /// Present attendees, in any event, who have had no connection since <paramref name="idleSince"/> or
    /// earlier: the ones whose grace period is over. A node that died cannot end their presence itself, so
    /// the others ask this (oldest first, at most <paramref name="limit"/>).
    /// </summary>
    Task<IReadOnlyList<IdleAttendee>> GetIdleAsync(long idleSince, int limit, CancellationToken ct = default);

    /// <summary>Makes the attendee absent if they have no connection left. True when they left.</summary>
    Task<bool> LeaveIfIdleAsync(string eventId, string attendeeId, CancellationToken ct = default);

    /// <summary>Makes the attendee absent whatever connections they have. True when they were present.</summary>
    Task<bool> EvictAsync(string eventId, string attendeeId, CancellationToken ct = default);

    /// <summary>When the attendee became present, or null when they are not.</summary>
    Task<long?> GetJoinedAtAsync(string eventId, string attendeeId, CancellationToken ct = default);

    /// <summary>When each of the given attendees became present, in one read; those not present are left out.</summary>
    Task<IReadOnlyDictionary<string, long>> GetJoinedAtAsync(string eventId, IReadOnlyList<string> attendeeIds, CancellationToken ct = default);

    /// <summary>
    /// For each of the given attendees who is present, in one read: since when, and whether they have a connection
    /// now (false in the grace period after their last one closed). Those not present are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, PresenceStatus>> GetStatusAsync(string eventId, IReadOnlyList<string> attendeeIds, CancellationToken ct = default);

    /// <summary>The first <paramref name="limit"/> present attendees by join time, and the total count.</summary>
    Task<PresenceSnapshot> GetAsync(string eventId, int limit, CancellationToken ct = default);

    Task<int> CountAsync(string eventId, CancellationToken ct = default);
}

/// <summary>What adding a connection changed for its attendee.</summary>
public enum ConnectOutcome
{
    /// <summary>They had a connection already (another tab or device).</summary>
    AnotherConnection,

    /// <summary>They were present with no connection (their grace period ran) and are connected again.</summary>
    CameBack,

    /// <summary>They were not present: this made them present.</summary>
    Joined,
}

/// <summary>A present attendee: since when, and whether they have a connection right now.</summary>
public readonly record struct PresenceStatus(long JoinedAt, bool Connected);
