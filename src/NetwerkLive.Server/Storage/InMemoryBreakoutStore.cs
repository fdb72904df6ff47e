using System.Collections.Concurrent;
using MessagePack;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Server.Storage;

internal sealed partial class InMemoryBreakoutStore(EventActivity activity) : IBreakoutStore
{
    private readonly ConcurrentDictionary<string, Slot> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MeetingLog> _meetings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<PairKey>> _seriesMeetings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<PairKey>> _blocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FollowUps> _followUps = new(StringComparer.Ordinal);

    public Task<BreakoutState> GetAsync(string eventId, CancellationToken ct = default)
    {
        var slot = _states.GetOrAdd(eventId, static _ => new Slot());
        lock (slot)
        {
            return Task.FromResult(Copy(slot.State));
        }
    }

    public Task<MemberGroup?> GetGroupOfAsync(string eventId, string attendeeId, CancellationToken ct = default)
    {
        if (!_states.TryGetValue(eventId, out var slot))
        {
            return Task.FromResult<MemberGroup?>(null);
        }
        lock (slot)
        {
            return Task.FromResult(slot.State.GroupOf(attendeeId) is { } group ? MemberGroup.Of(group) : null);
        }
    }

    public Task<T> UpdateAsync<T>(string eventId, Func<BreakoutState, T> change, CancellationToken ct = default)
    {
        var slot = _states.GetOrAdd(eventId, static _ => new Slot());
        lock (slot)
        {
            // The change works on a copy, so a change that throws halfway leaves nothing behind.
            var copy = Copy(slot.State);
            var result = change(copy);
            copy.Version = slot.State.Version + 1;
            ForgetChatsOfEndedGroups(eventId, slot.State, copy);
            slot.State = copy;
            activity.Touch(eventId);
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<string>> GetDueAsync(long now, int limit, CancellationToken ct = default)
    {
        var due = new List<(string EventId, long At)>();
        foreach (var (eventId, slot) in _states)
        {
            lock (slot)
            {
                if (slot.State.NextDueAt is { } at && at <= now)
                {
                    due.Add((eventId, at));
                }
            }
        }
        return Task.FromResult<IReadOnlyList<string>>([.. due.OrderBy(d => d.At).Take(limit).Select(d => d.EventId)]);
    }

    public Task RecordMeetingsAsync(string eventId, string seriesId, IReadOnlyList<Meeting> meetings, CancellationToken ct = default)
    {
        var log = _meetings.GetOrAdd(eventId, static _ => new MeetingLog());
        activity.Touch(eventId);
        activity.TouchSeries(seriesId);
        lock (log)
        {
            foreach (var meeting in meetings)
            {
                if (log.Seen.Add(MeetingLog.IdOf(meeting)))
                {
                    log.Meetings.Add(meeting);
                }
            }
        }
        var series = _seriesMeetings.GetOrAdd(seriesId, static _ => []);
        lock (series)
        {
            foreach (var meeting in meetings)
            {
                series.Add(PairKey.Of(meeting.PersonA, meeting.PersonB));
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Meeting>> GetMeetingsAsync(string eventId, CancellationToken ct = default)
    {
        if (!_meetings.TryGetValue(eventId, out var log))
        {
            return Task.FromResult<IReadOnlyList<Meeting>>([]);
        }
        lock (log)
        {
            return Task.FromResult<IReadOnlyList<Meeting>>([.. log.Meetings]);
        }
    }

    public Task<IReadOnlySet<PairKey>> GetSeriesMeetingsAsync(string seriesId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlySet<PairKey>>(Snapshot(_seriesMeetings, seriesId));

    public Task AddBlockAsync(string seriesId, PairKey persons, CancellationToken ct = default)
    {
        var blocks = _blocks.GetOrAdd(seriesId, static _ => []);
        activity.TouchSeries(seriesId);
        lock (blocks)
        {
            blocks.Add(persons);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<PairKey>> GetBlocksAsync(string seriesId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlySet<PairKey>>(Snapshot(_blocks, seriesId));

    public Task<bool> RequestFollowUpAsync(string eventId, string requester, string target, CancellationToken ct = default)
    {
        var followUps = _followUps.GetOrAdd(eventId, static _ => new FollowUps());
        activity.Touch(eventId);
        lock (followUps)
        {
            followUps.Requests.Add((requester, target));
            // True once per pair: asking again after the match must not push FollowUpMatched (and the contacts) again.
            var matchedNow = followUps.Requests.Contains((target, requester)) && followUps.Mutual.Add(PairKey.Of(requester, target));
            return Task.FromResult(matchedNow);
        }
    }

    public Task<IReadOnlyList<PairKey>> GetMutualFollowUpsAsync(string eventId, CancellationToken ct = default)
    {
        if (!_followUps.TryGetValue(eventId, out var followUps))
        {
            return Task.FromResult<IReadOnlyList<PairKey>>([]);
        }
        lock (followUps)
        {
            return Task.FromResult<IReadOnlyList<PairKey>>([.. followUps.Mutual]);
        }
    }

    public void Forget(string eventId)
    {
        _states.TryRemove(eventId, out _);
        _meetings.TryRemove(eventId, out _);
        _followUps.TryRemove(eventId, out _);
        _extras.TryRemove(eventId, out _);
    }

    public void ForgetSeries(string seriesId)
    {
        _seriesMeetings.TryRemove(seriesId, out _);
        _blocks.TryRemove(seriesId, out _);
    }

    public Task WithdrawFollowUpsAsync(string eventId, PairKey attendees, CancellationToken ct = default)
    {
        if (_followUps.TryGetValue(eventId, out var followUps))
        {
            lock (followUps)
            {
                followUps.Requests.Remove((attendees.First, attendees.Second));
                followUps.Requests.Remove((attendees.Second, attendees.First));
                followUps.Mutual.Remove(attendees);
                followUps.CoffeeRequests.Remove((attendees.First, attendees.Second));
                followUps.CoffeeRequests.Remove((attendees.Second, attendees.First));
            }
        }
        return Task.CompletedTask;
    }

    public Task<bool> AddCoffeeRequestAsync(string eventId, string requester, string target, CancellationToken ct = default)
    {
        var followUps = _followUps.GetOrAdd(eventId, static _ => new FollowUps());
        activity.Touch(eventId);
        lock (followUps)
        {
            return Task.FromResult(!followUps.DeclinedCoffeeRequests.Contains((requester, target)) && followUps.CoffeeRequests.Add((requester, target)));
        }
    }

    public Task<IReadOnlyList<string>> GetCoffeeRequestsToAsync(string eventId, string target, CancellationToken ct = default)
    {
        if (!_followUps.TryGetValue(eventId, out var followUps))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }
        lock (followUps)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. followUps.CoffeeRequests.Where(r => r.To == target).Select(r => r.From).Order(StringComparer.Ordinal)]);
        }
    }

    public Task DeclineCoffeeRequestAsync(string eventId, string requester, string target, CancellationToken ct = default)
    {
        var followUps = _followUps.GetOrAdd(eventId, static _ => new FollowUps());
        activity.Touch(eventId);
        lock (followUps)
        {
            followUps.CoffeeRequests.Remove((requester, target));
            followUps.DeclinedCoffeeRequests.Add((requester, target));
        }
        return Task.CompletedTask;
    }

    private static HashSet<PairKey> Snapshot(ConcurrentDictionary<string, HashSet<PairKey>> sets, string key)
    {
        if (!sets.TryGetValue(key, out var set))
        {
            return new HashSet<PairKey>();
        }
        lock (set)
        {
            return new HashSet<PairKey>(set);
        }
    }

    private static BreakoutState Copy(BreakoutState state) =>
        MessagePackSerializer.Deserialize<BreakoutState>(MessagePackSerializer.Serialize(state));

    private sealed class Slot
    {
        public BreakoutState State { get; set; } = new();
    }

    private sealed class MeetingLog
    {
        public List<Meeting> Meetings { get; } = [];

        public HashSet<(string RoundId, PairKey Pair)> Seen { get; } = [];

        /// <summary>What makes two records one meeting: the round and the (unordered) pair.</summary>
        public static (string RoundId, PairKey Pair) IdOf(Meeting meeting) => (meeting.RoundId, PairKey.Of(meeting.A, meeting.B));
    }

    private sealed class FollowUps
    {
        public HashSet<(string From, string To)> Requests { get; } = [];

        public HashSet<PairKey> Mutual { get; } = [];

        public HashSet<(string From, string To)> CoffeeRequests { get; } = [];

        public HashSet<(string From, string To)> DeclinedCoffeeRequests { get; } = [];
    }
}
