using System.Collections.Concurrent;

namespace NetwerkLive.Server.Storage;

internal sealed class InMemoryPresenceStore(EventActivity activity) : IPresenceStore
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);

    public Task<ConnectOutcome> ConnectAsync(string eventId, string attendeeId, string connectionId, long now, CancellationToken ct = default)
    {
        var room = _rooms.GetOrAdd(eventId, static _ => new Room());
        activity.Touch(eventId);
        lock (room)
        {
            if (room.Present.TryGetValue(attendeeId, out var entry))
            {
                var cameBack = entry.Connections.Count == 0;
                entry.Connections.Add(connectionId);
                entry.IdleSince = null;
                return Task.FromResult(cameBack ? ConnectOutcome.CameBack : ConnectOutcome.AnotherConnection);
            }
            entry = new Entry(now);
            entry.Connections.Add(connectionId);
            room.Present.Add(attendeeId, entry);
            room.ByJoinTime.Add(new PresentAttendee(attendeeId, now));
            return Task.FromResult(ConnectOutcome.Joined);
        }
    }

    public Task<IReadOnlyDictionary<string, PresenceStatus>> GetStatusAsync(string eventId, IReadOnlyList<string> attendeeIds, CancellationToken ct = default)
    {
        var found = new Dictionary<string, PresenceStatus>(StringComparer.Ordinal);
        if (_rooms.TryGetValue(eventId, out var room))
        {
            lock (room)
            {
                foreach (var id in attendeeIds)
                {
                    if (room.Present.TryGetValue(id, out var entry))
                    {
                        found[id] = new PresenceStatus(entry.JoinedAt, entry.Connections.Count > 0);
                    }
                }
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, PresenceStatus>>(found);
    }

    public Task<int> DisconnectAsync(string eventId, string attendeeId, string connectionId, long now, CancellationToken ct = default)
    {
        if (!_rooms.TryGetValue(eventId, out var room))
        {
            return Task.FromResult(0);
        }
        lock (room)
        {
            if (!room.Present.TryGetValue(attendeeId, out var entry))
            {
                return Task.FromResult(0);
            }
            if (entry.Connections.Remove(connectionId) && entry.Connections.Count == 0)
            {
                entry.IdleSince = now;
            }
            return Task.FromResult(entry.Connections.Count);
        }
    }

    public Task<bool> LeaveIfIdleAsync(string eventId, string attendeeId, CancellationToken ct = default) =>
        Task.FromResult(Remove(eventId, attendeeId, onlyIfIdle: true));

    public Task<bool> EvictAsync(string eventId, string attendeeId, CancellationToken ct = default) =>
        Task.FromResult(Remove(eventId, attendeeId, onlyIfIdle: false));

    public Task<long?> GetJoinedAtAsync(string eventId, string attendeeId, CancellationToken ct = default)
    {
        if (!_rooms.TryGetValue(eventId, out var room))
        {
            return Task.FromResult<long?>(null);
        }
        lock (room)
        {
            return Task.FromResult(room.Present.TryGetValue(attendeeId, out var entry) ? entry.JoinedAt : (long?)null);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> GetJoinedAtAsync(string eventId, IReadOnlyList<string> attendeeIds, CancellationToken ct = default)
    {
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        if (_rooms.TryGetValue(eventId, out var room))
        {
            lock (room)
            {
                foreach (var id in attendeeIds)
                {
                    if (room.Present.TryGetValue(id, out var entry))
                    {
                        found[id] = entry.JoinedAt;
                    }
                }
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, long>>(found);
    }

    public Task<PresenceSnapshot> GetAsync(string eventId, int limit, CancellationToken ct = default)
    {
        if (!_rooms.TryGetValue(eventId, out var room))
        {
            return Task.FromResult(new PresenceSnapshot([], 0));
        }
        lock (room)
        {
            var first = room.ByJoinTime.Take(limit).ToArray();
            return Task.FromResult(new PresenceSnapshot(first, room.Present.Count));
        }
    }

    public Task<IReadOnlyList<IdleAttendee>> GetIdleAsync(long idleSince, int limit, CancellationToken ct = default)
    {
        var idle = new List<IdleAttendee>();
        foreach (var (eventId, room) in _rooms)
        {
            lock (room)
            {
                foreach (var (attendeeId, entry) in room.Present)
                {
                    if (entry.IdleSince is { } since && since <= idleSince)
                    {
                        idle.Add(new IdleAttendee(eventId, attendeeId, since));
                    }
                }
            }
        }
        return Task.FromResult<IReadOnlyList<IdleAttendee>>([.. idle.OrderBy(i => i.IdleSince).Take(limit)]);
    }

    public Task<int> CountAsync(string eventId, CancellationToken ct = default)
    {
        if (!_rooms.TryGetValue(eventId, out var room))
        {
            return Task.FromResult(0);
        }
        lock (room)
        {
            return Task.FromResult(room.Present.Count);
        }
    }

    public void Forget(string eventId) => _rooms.TryRemove(eventId, out _);

    private bool Remove(string eventId, string attendeeId, bool onlyIfIdle)
    {
        if (!_rooms.TryGetValue(eventId, out var room))
        {
            return false;
        }
        lock (room)
        {
            if (!room.Present.TryGetValue(attendeeId, out var entry) || (onlyIfIdle && entry.Connections.Count > 0))
            {
                return false;
            }
            room.Present.Remove(attendeeId);
            room.ByJoinTime.Remove(new PresentAttendee(attendeeId, entry.JoinedAt));
            return true;
        }
    }

    private sealed class Room
    {
        public Dictionary<string, Entry> Present { get; } = new(StringComparer.Ordinal);

        public SortedSet<PresentAttendee> ByJoinTime { get; } = new(JoinOrder.Instance);
    }

    private sealed class Entry(long joinedAt)
    {
        public long JoinedAt { get; } = joinedAt;

        public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);

        /// <summary>When the last connection closed; null while connected.</summary>
        public long? IdleSince { get; set; }
    }

    private sealed class JoinOrder : IComparer<PresentAttendee>
    {
        public static readonly JoinOrder Instance = new();

        public int Compare(PresentAttendee x, PresentAttendee y)
        {
            var byTime = x.JoinedAt.CompareTo(y.JoinedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.AttendeeId, y.AttendeeId);
        }
    }
}
