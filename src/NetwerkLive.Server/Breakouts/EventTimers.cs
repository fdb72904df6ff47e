using System.Collections.Concurrent;

namespace NetwerkLive.Server.Breakouts;

/// <summary>One <see cref="TimeProvider"/> timer per event, set to when its breakouts next need attention.</summary>
public sealed class EventTimers(TimeProvider time, Func<string, Task> onDue) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Version, ITimer? Timer)> _timers = new(StringComparer.Ordinal);

    /// <summary>
    /// Sets the event's timer to <paramref name="dueAt"/> (epoch ms), or clears it when null. Changes
    /// finish in any order, so a schedule computed from an older <paramref name="version"/> of the state is ignored.
    /// </summary>
    public void Schedule(string eventId, long version, long? dueAt)
    {
        lock (_gate)
        {
            if (_timers.TryGetValue(eventId, out var current))
            {
                if (current.Version > version)
                {
                    return;
                }
                current.Timer?.Dispose();
            }
            if (dueAt is null)
            {
                _timers.Remove(eventId);
                return;
            }
            var delay = TimeSpan.FromMilliseconds(Math.Max(0, dueAt.Value - time.GetUtcNow().ToUnixTimeMilliseconds()));
            _timers[eventId] = (version, time.CreateTimer(_ => _ = onDue(eventId), null, delay, Timeout.InfiniteTimeSpan));
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var (_, timer) in _timers.Values)
            {
                timer?.Dispose();
            }
            _timers.Clear();
        }
    }
}
