using System.Collections.Concurrent;

namespace NetwerkLive.Server.Storage;

/// <summary>The embedded store of a single node. Records are immutable and replaced as a whole.</summary>
internal sealed class InMemoryEventStore(EventActivity activity) : IEventStore
{
    private readonly ConcurrentDictionary<string, EventRecord> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string EventId, string AttendeeId), AttendeeRecord> _attendees = new();
    private readonly ConcurrentDictionary<(string EventId, string PersonId), bool> _removedPersons = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    // The board's index per event (attendee id → registered at), so reading it never walks every event's attendees.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long>> _withAskOrOffer = new(StringComparer.Ordinal);

    public Task CreateEventAsync(EventRecord record, CancellationToken ct = default)
    {
        if (!_events.TryAdd(record.EventId, record))
        {
            throw new InvalidOperationException($"Event {record.EventId} already exists.");
        }
        activity.Touch(record.EventId);
        return Task.CompletedTask;
    }

    public Task<EventRecord?> GetEventAsync(string eventId, CancellationToken ct = default) =>
        Task.FromResult(_events.GetValueOrDefault(eventId));

    public Task<bool> SetLiveAsync(string eventId, long liveAt, CancellationToken ct = default)
    {
        while (_events.TryGetValue(eventId, out var current) && current.LiveAt is null)
        {
            if (_events.TryUpdate(eventId, current with { LiveAt = liveAt }, current))
            {
                activity.Touch(eventId);
                return Task.FromResult(true);
            }
        }
        return Task.FromResult(false);
    }

    public Task KeepUntilAsync(string eventId, long until, CancellationToken ct = default)
    {
        activity.KeepUntil(eventId, until);
        return Task.CompletedTask;
    }

    public Task<EventRecord?> EndLiveAsync(string eventId, long endedAt, long openUntil, string? replayUrl, bool chatOpen, CancellationToken ct = default)
    {
        while (_events.TryGetValue(eventId, out var current))
        {
            var ended = current.WithLiveEnded(endedAt, openUntil, replayUrl, chatOpen);
            if (_events.TryUpdate(eventId, ended, current))
            {
                activity.KeepUntil(eventId, ended.OpenUntil!.Value);
                return Task.FromResult<EventRecord?>(ended);
            }
        }
        return Task.FromResult<EventRecord?>(null);
    }

    public Task AddAttendeeAsync(AttendeeRecord record, CancellationToken ct = default)
    {
        if (!_attendees.TryAdd((record.EventId, record.AttendeeId), record))
        {
            throw new InvalidOperationException($"Attendee {record.AttendeeId} already exists.");
        }
        activity.Touch(record.EventId);
        _counts.AddOrUpdate(record.EventId, 1, static (_, count) => count + 1);
        IndexAskOrOffer(record);
        return Task.CompletedTask;
    }

    public Task<int> CountAttendeesAsync(string eventId, CancellationToken ct = default) =>
        Task.FromResult(_counts.GetValueOrDefault(eventId));

    public Task<AttendeeRecord?> GetAttendeeAsync(string eventId, string attendeeId, CancellationToken ct = default) =>
        Task.FromResult(_attendees.GetValueOrDefault((eventId, attendeeId)));

    public Task<IReadOnlyList<AttendeeRecord>> GetAttendeesAsync(string eventId, IReadOnlyList<string> attendeeIds, CancellationToken ct = default)
    {
        var found = new List<AttendeeRecord>(attendeeIds.Count);
        foreach (var id in attendeeIds)
        {
            if (_attendees.TryGetValue((eventId, id), out var record))
            {
                found.Add(record);
            }
        }
        return Task.FromResult<IReadOnlyList<AttendeeRecord>>(found);
    }

    public Task<AttendeeRecord?> SetAvailableAsync(string eventId, string attendeeId, bool available, CancellationToken ct = default) =>
        Task.FromResult(Update(eventId, attendeeId, r => r with { Available = available }));

    public Task<bool> MarkRemovedAsync(string eventId, string attendeeId, CancellationToken ct = default)
    {
        if (Update(eventId, attendeeId, r => r with { Removed = true }) is not { } removed)
        {
            return Task.FromResult(false);
        }
        _removedPersons[(eventId, removed.PersonId)] = true;
        IndexAskOrOffer(removed);
        return Task.FromResult(true);
    }

    public Task<AttendeeRecord?> SetAskAndOfferAsync(string eventId, string attendeeId, Contracts.AskOffer? ask, Contracts.AskOffer? offer, CancellationToken ct = default)
    {
        var updated = Update(eventId, attendeeId, r => r with { Ask = ask, Offer = offer });
        if (updated is not null)
        {
            IndexAskOrOffer(updated);
        }
        return Task.FromResult(updated);
    }

    public Task<IReadOnlyList<AttendeeRecord>> GetWithAskOrOfferAsync(string eventId, int limit, CancellationToken ct = default)
    {
        if (!_withAskOrOffer.TryGetValue(eventId, out var index))
        {
            return Task.FromResult<IReadOnlyList<AttendeeRecord>>([]);
        }
        var newest = index.OrderByDescending(e => e.Value).ThenByDescending(e => e.Key, StringComparer.Ordinal).Take(limit).Select(e => e.Key).ToList();
        return GetAttendeesAsync(eventId, newest, ct);
    }

    // Read after the record changed; two changes of one attendee at once may index in either order, so the record decides.
    private void IndexAskOrOffer(AttendeeRecord changed)
    {
        var index = _withAskOrOffer.GetOrAdd(changed.EventId, _ => new(StringComparer.Ordinal));
        var current = _attendees.GetValueOrDefault((changed.EventId, changed.AttendeeId));
        if (current is { HasAskOrOffer: true, Removed: false })
        {
            index[current.AttendeeId] = current.RegisteredAt;
        }
        else
        {
            index.TryRemove(changed.AttendeeId, out _);
        }
    }

    public Task<bool> IsPersonRemovedAsync(string eventId, string personId, CancellationToken ct = default) =>
        Task.FromResult(_removedPersons.ContainsKey((eventId, personId)));

    public Task<AttendeeRecord?> NextTokenVersionAsync(string eventId, string attendeeId, CancellationToken ct = default) =>
        Task.FromResult(Update(eventId, attendeeId, r => r with { TokenVersion = r.TokenVersion + 1 }));

    /// <summary>Drops the event and everyone registered for it (see <see cref="InMemoryExpiry"/>).</summary>
    public void Forget(string eventId)
    {
        _events.TryRemove(eventId, out _);
        foreach (var key in _attendees.Keys.Where(k => k.EventId == eventId))
        {
            _attendees.TryRemove(key, out _);
        }
        _counts.TryRemove(eventId, out _);
        _withAskOrOffer.TryRemove(eventId, out _);
        foreach (var key in _removedPersons.Keys.Where(k => k.EventId == eventId))
        {
            _removedPersons.TryRemove(key, out _);
        }
    }

    private AttendeeRecord? Update(string eventId, string attendeeId, Func<AttendeeRecord, AttendeeRecord> change)
    {
        var key = (eventId, attendeeId);
        while (_attendees.TryGetValue(key, out var current))
        {
            var updated = change(current);
            if (_attendees.TryUpdate(key, updated, current))
            {
                activity.Touch(eventId);
                return updated;
            }
        }
        return null;
    }
}
