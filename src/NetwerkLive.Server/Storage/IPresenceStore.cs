namespace NetwerkLive.Server.Storage;

/// <summary>
/// Who is in an event's live room. An attendee is present from their first connection until they
/// have no connection left and the presence service decides the grace period is over.
/// </summary>
public interface IPresenceStore
{
    /// <summary>Adds a connection. True when this made the attendee present (they were not before).</summary>
    Task<bool> ConnectAsync(string eventId, string attendeeId, string connectionId, long now, CancellationToken ct = default);

    /// <summary>Removes a connection and returns how many the attendee still has.</summary>
    Task<int> DisconnectAsync(string eventId, string attendeeId, string connectionId, CancellationToken ct = default);

    /// <summary>Makes the attendee absent if they have no connection left. True when they left.</summary>
    Task<bool> LeaveIfIdleAsync(string eventId, string attendeeId, CancellationToken ct = default);

    /// <summary>Makes the attendee absent whatever connections they have. True when they were present.</summary>
    Task<bool> EvictAsync(string eventId, string attendeeId, CancellationToken ct = default);

    /// <summary>When the attendee became present, or null when they are not.</summary>
    Task<long?> GetJoinedAtAsync(string eventId, string attendeeId, CancellationToken ct = default);

    /// <summary>The first <paramref name="limit"/> present attendees by join time, and the total count.</summary>
    Task<PresenceSnapshot> GetAsync(string eventId, int limit, CancellationToken ct = default);

    Task<int> CountAsync(string eventId, CancellationToken ct = default);
}
