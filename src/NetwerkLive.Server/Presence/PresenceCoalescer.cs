using NetwerkLive.Contracts;

namespace NetwerkLive.Server.Presence;

/// <summary>
/// Turns presence changes into at most one message per event per interval. The first change after a
/// quiet interval goes out at once; changes within the interval after a message wait for its end and
/// go out together. So a join storm of N people costs each recipient about one message a second.
/// </summary>
/// <param name="recorded">Told of every change as it is recorded (before any coalescing), when given.</param>
public sealed class PresenceCoalescer(TimeProvider time, TimeSpan interval, Func<string, PresenceChange, Task> send, Action<string>? recorded = null) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EventState> _events = new(StringComparer.Ordinal);

    public void Joined(string eventId, Attendee attendee) => Record(eventId, b => b.Joined(attendee));

    public void Left(string eventId, string attendeeId) => Record(eventId, b => b.Left(attendeeId));

    public void Updated(string eventId, Attendee attendee) => Record(eventId, b => b.Updated(attendee));

    /// <summary>
    /// A message that may not go out now (another node of the deployment sent one for the event within the
    /// interval): it goes back in the batch, older than anything recorded since, and out at the next interval.
    /// </summary>
    public void Defer(string eventId, PresenceChange change)
    {
        lock (_gate)
        {
            var state = StateOf(eventId);
            state.Batch.Restore(change);
            state.Timer ??= time.CreateTimer(OnIntervalEnd, eventId, interval, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Events with a message pending or sent within the last interval.</summary>
    public int ActiveEvents
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    private void Record(string eventId, Action<PresenceBatch> change)
    {
        PresenceChange? now = null;
        lock (_gate)
        {
            var state = StateOf(eventId);
            change(state.Batch);
            if (state.Timer is null)
            {
                // Quiet until now: send at once, and hold back whatever comes in the next interval.
                now = state.Batch.Drain();
                state.Timer = time.CreateTimer(OnIntervalEnd, eventId, interval, Timeout.InfiniteTimeSpan);
            }
        }
        recorded?.Invoke(eventId);
        if (now is not null)
        {
            _ = send(eventId, now);
        }
    }

    // Callers hold _gate.
    private EventState StateOf(string eventId)
    {
        if (!_events.TryGetValue(eventId, out var state))
        {
            state = new EventState();
            _events.Add(eventId, state);
        }
        return state;
    }

    private void OnIntervalEnd(object? boxedEventId)
    {
        var eventId = (string)boxedEventId!;
        PresenceChange? due = null;
        lock (_gate)
        {
            if (!_events.TryGetValue(eventId, out var state))
            {
                return;
            }
            if (state.Batch.IsEmpty)
            {
                state.Timer?.Dispose();
                _events.Remove(eventId);
                return;
            }
            due = state.Batch.Drain();
            state.Timer!.Change(interval, Timeout.InfiniteTimeSpan);
        }
        _ = send(eventId, due);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var state in _events.Values)
            {
                state.Timer?.Dispose();
            }
            _events.Clear();
        }
    }

    private sealed class EventState
    {
        public PresenceBatch Batch { get; } = new();

        public ITimer? Timer { get; set; }
    }
}
