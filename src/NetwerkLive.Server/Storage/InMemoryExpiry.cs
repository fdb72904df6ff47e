using Microsoft.Extensions.Options;

namespace NetwerkLive.Server.Storage;

/// <summary>
/// Forgets, on a <see cref="TimeProvider"/> timer, the events and series of the in-memory stores that have not
/// changed for <see cref="StorageOptions.EventRetention"/>: what Redis TTLs do for the Redis stores.
/// </summary>
internal sealed class InMemoryExpiry(
    EventActivity activity,
    InMemoryEventStore events,
    InMemoryChatStore chat,
    InMemoryPresenceStore presence,
    InMemoryBreakoutStore breakouts,
    InMemoryCoffeeStore coffees,
    TimeProvider time,
    IOptions<StorageOptions> options) : IHostedService, IDisposable
{
    /// <summary>At most this long past its retention does idle data stay (a tenth of the retention when that is shorter).</summary>
    public static readonly TimeSpan MaxSweepInterval = TimeSpan.FromHours(1);

    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromTicks(Math.Min(MaxSweepInterval.Ticks, options.Value.EventRetention.Ticks / 10));
        _timer = time.CreateTimer(_ => Sweep(), null, interval, interval);
        return Task.CompletedTask;
    }

    public void Sweep()
    {
        var cutoff = (time.GetUtcNow() - options.Value.EventRetention).ToUnixTimeMilliseconds();
        foreach (var eventId in activity.TakeEventsIdleSince(cutoff))
        {
            events.Forget(eventId);
            chat.Forget(eventId);
            presence.Forget(eventId);
            breakouts.Forget(eventId);
            coffees.Forget(eventId, cutoff);
        }
        foreach (var seriesId in activity.TakeSeriesIdleSince(cutoff))
        {
            breakouts.ForgetSeries(seriesId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();
}
