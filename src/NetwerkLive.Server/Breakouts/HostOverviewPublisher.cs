using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Presence;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// Pushes the <see cref="BreakoutOverview"/> to the host's connections after a change, coalesced per event: the first
/// request starts a <see cref="BreakoutOptions.HostOverviewDelay"/> timer, later ones until it fires ride along, and the
/// overview is built when it fires (so it holds them all). Per node: the node that made a change pushes, and the
/// backplane carries the push to a host connected elsewhere. An event whose host is not present costs one read.
/// </summary>
public sealed class HostOverviewPublisher(IEventStore events, IPresenceStore presence, HostOverview overview, IHubContext<EventHub, IEventClient> hub,
    TimeProvider time, IOptions<BreakoutOptions> options, ILogger<HostOverviewPublisher> logger) : IPresenceChangeListener, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ITimer> _pending = new(StringComparer.Ordinal);

    /// <summary>Something the overview shows changed in the event: a push follows within the delay.</summary>
    public void Request(string eventId)
    {
        lock (_gate)
        {
            if (!_pending.ContainsKey(eventId))
            {
                _pending[eventId] = time.CreateTimer(_ => _ = PushAsync(eventId), null, options.Value.HostOverviewDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void OnPresenceChanged(string eventId) => Request(eventId);

    private async Task PushAsync(string eventId)
    {
        // Off the list before building: a change made while this one builds asks for a push of its own.
        lock (_gate)
        {
            if (_pending.Remove(eventId, out var timer))
            {
                timer.Dispose();
            }
        }
        try
        {
            if (await events.GetEventAsync(eventId) is not { } ev || await presence.GetJoinedAtAsync(eventId, ev.HostId) is null)
            {
                return;
            }
            await hub.Clients.Group(EventGroups.Hosts(eventId)).BreakoutOverview(await overview.BuildAsync(ev));
        }
        catch (Exception ex)
        {
            BreakoutLog.OverviewFailed(logger, ex, eventId);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var timer in _pending.Values)
            {
                timer.Dispose();
            }
            _pending.Clear();
        }
    }
}

internal static partial class BreakoutLog
{
    [LoggerMessage(EventId = 4010, Level = LogLevel.Error, Message = "Could not push the breakout overview to the host of event {EventId}")]
    public static partial void OverviewFailed(ILogger logger, Exception exception, string eventId);
}
