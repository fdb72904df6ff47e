using System.Collections.Concurrent;

namespace NetwerkLive.Server.Storage;

/// <summary>
/// When each event (and each series) of the in-memory stores last changed, so <see cref="InMemoryExpiry"/> can
/// forget what has been idle for <see cref="StorageOptions.EventRetention"/>. Redis does the same with TTLs.
/// </summary>
public sealed class EventActivity(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, long> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _series = new(StringComparer.Ordinal);

    // Never back: an ended event's data is kept as if it last changed when its open period ends (see KeepUntil).
    public void Touch(string eventId) => KeepUntil(eventId, time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>Counts the event as changed at <paramref name="at"/> (or later): it is kept at least the retention after it.</summary>
    public void KeepUntil(string eventId, long at) => _events.AddOrUpdate(eventId, at, (_, last) => Math.Max(last, at));

    public void TouchSeries(string seriesId) => _series[seriesId] = time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Takes out and returns the events whose last change was at or before <paramref name="cutoff"/>.</summary>
    public IReadOnlyList<string> TakeEventsIdleSince(long cutoff) => Take(_events, cutoff);

    public IReadOnlyList<string> TakeSeriesIdleSince(long cutoff) => Take(_series, cutoff);

    private static List<string> Take(ConcurrentDictionary<string, long> last, long cutoff)
    {
        var idle = new List<string>();
        foreach (var (id, at) in last)
        {
            // Only if untouched since it was read: a change in between keeps it.
            if (at <= cutoff && last.TryRemove(new KeyValuePair<string, long>(id, at)))
            {
                idle.Add(id);
            }
        }
        return idle;
    }
}
