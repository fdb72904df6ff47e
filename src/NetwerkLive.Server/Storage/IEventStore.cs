namespace NetwerkLive.Server.Storage;

/// <summary>Events and the people registered for them.</summary>
public interface IEventStore
{
    Task CreateEventAsync(EventRecord record, CancellationToken ct = default);

    Task<EventRecord?> GetEventAsync(string eventId, CancellationToken ct = default);

    /// <summary>
    /// Sets the event's <see cref="EventRecord.LiveAt"/> to <paramref name="liveAt"/> unless it is set already, as one
    /// atomic change. True only for the call that set it (so only that one tells everyone); false for an unknown event.
    /// </summary>
    Task<bool> SetLiveAsync(string eventId, long liveAt, CancellationToken ct = default);

    /// <summary>
    /// Ends the live part as one atomic change: the first call sets <see cref="EventRecord.EndedAt"/> and
    /// <see cref="EventRecord.OpenUntil"/>, every call sets the replay and the chat. The event's data is then kept at least
    /// until <see cref="EventRecord.OpenUntil"/> plus the retention. Returns the updated record, or null for an unknown event.
    /// </summary>
    Task<EventRecord?> EndLiveAsync(string eventId, long endedAt, long openUntil, string? replayUrl, bool chatOpen, CancellationToken ct = default);

    /// <summary>
    /// Keeps the event's data at least until <paramref name="until"/> plus the retention (never shortens an earlier
    /// promise): an agreed coffee may lie further ahead than the retention, and its room needs the people and the breakouts.
    /// </summary>
    Task KeepUntilAsync(string eventId, long until, CancellationToken ct = default);

    Task AddAttendeeAsync(AttendeeRecord record, CancellationToken ct = default);

    /// <summary>How many people are registered for the event, the host and removed attendees included.</summary>
    Task<int> CountAttendeesAsync(string eventId, CancellationToken ct = default);

    Task<AttendeeRecord?> GetAttendeeAsync(string eventId, string attendeeId, CancellationToken ct = default);

    /// <summary>The records of the given ids, in the same order; unknown ids are left out.</summary>
    Task<IReadOnlyList<AttendeeRecord>> GetAttendeesAsync(string eventId, IReadOnlyList<string> attendeeIds, CancellationToken ct = default);

    /// <summary>Returns the updated record, or null for an unknown attendee.</summary>
    Task<AttendeeRecord?> SetAvailableAsync(string eventId, string attendeeId, bool available, CancellationToken ct = default);

    /// <summary>
    /// Marks the attendee removed, which revokes their token, and remembers their person as removed from the
    /// event (see <see cref="IsPersonRemovedAsync"/>). False for an unknown attendee.
    /// </summary>
    Task<bool> MarkRemovedAsync(string eventId, string attendeeId, CancellationToken ct = default);

    /// <summary>
    /// Counts the attendee's <see cref="AttendeeRecord.TokenVersion"/> up by one, which revokes every token issued
    /// with an earlier version. Returns the updated record, or null for an unknown attendee.
    /// </summary>
    Task<AttendeeRecord?> NextTokenVersionAsync(string eventId, string attendeeId, CancellationToken ct = default);

    /// <summary>
    /// Sets (null clears) the attendee's ask and offer as one atomic change, and keeps the event's index of
    /// registrations with either (see <see cref="GetWithAskOrOfferAsync"/>) in step. Returns the updated record, or
    /// null for an unknown attendee.
    /// </summary>
    Task<AttendeeRecord?> SetAskAndOfferAsync(string eventId, string attendeeId, Contracts.AskOffer? ask, Contracts.AskOffer? offer, CancellationToken ct = default);

    /// <summary>
    /// The event's registrations with an ask or an offer (the board), newest registration first, at most
    /// <paramref name="limit"/>; removed attendees are left out. Reads an index, not every registration.
    /// </summary>
    Task<IReadOnlyList<AttendeeRecord>> GetWithAskOrOfferAsync(string eventId, int limit, CancellationToken ct = default);

    /// <summary>True when a registration of this person was removed from the event: they may not register again.</summary>
    Task<bool> IsPersonRemovedAsync(string eventId, string personId, CancellationToken ct = default);
}
