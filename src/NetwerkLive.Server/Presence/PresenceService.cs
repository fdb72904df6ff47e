using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Presence;

/// <summary>
/// Who is in the room: counts an attendee once however many tabs they have, keeps them for a grace
/// period after their last connection closes, and tells the room in coalesced messages.
/// </summary>
public sealed class PresenceService : IDisposable
{
    private readonly IPresenceStore _presence;
    private readonly IHubContext<EventHub, IEventClient> _hub;
    private readonly TimeProvider _time;
    private readonly TimeSpan _grace;
    private readonly ILogger<PresenceService> _logger;
    private readonly PresenceCoalescer _coalescer;
    private readonly ConcurrentDictionary<(string EventId, string AttendeeId), ITimer> _graceTimers = new();
    private readonly IPresenceListener[] _listeners;
    private readonly ConcurrentQueue<(string EventId, string AttendeeId, string ConnectionId)> _deferredDisconnects = new();
    private readonly IPresenceWindow _window;
    private readonly TimeSpan _interval;
    private readonly IPresenceChangeListener[] _changeListeners;

    public PresenceService(IPresenceStore presence, IHubContext<EventHub, IEventClient> hub, TimeProvider time,
        IOptions<RoomOptions> options, ILogger<PresenceService> logger, IEnumerable<IPresenceListener> listeners, IPresenceWindow window,
        IEnumerable<IPresenceChangeListener> changeListeners)
    {
        _changeListeners = [.. changeListeners];
        _window = window;
        _interval = options.Value.PresenceInterval;
        _listeners = [.. listeners];
        _presence = presence;
        _hub = hub;
        _time = time;
        _grace = options.Value.PresenceGracePeriod;
        _logger = logger;
        _coalescer = new PresenceCoalescer(time, options.Value.PresenceInterval, SendAsync, Changed);
    }

    /// <summary>
    /// Adds a connection of the attendee and returns since when they are present, and whether this connection
    /// ended a time without any (<see cref="ConnectOutcome.AnotherConnection"/> when it did not).
    /// </summary>
    public async Task<(long JoinedAt, ConnectOutcome Outcome)> ConnectAsync(AttendeeRecord attendee, string connectionId, CancellationToken ct = default)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        // Back within the grace period: the pending leave is moot (and on several nodes must not fire early).
        if (_graceTimers.TryRemove((attendee.EventId, attendee.AttendeeId), out var pending))
        {
            pending.Dispose();
        }
        var outcome = await _presence.ConnectAsync(attendee.EventId, attendee.AttendeeId, connectionId, now, ct);
        if (outcome == ConnectOutcome.CameBack)
        {
            Changed(attendee.EventId);
        }
        if (outcome == ConnectOutcome.Joined)
        {
            _coalescer.Joined(attendee.EventId, attendee.ToDto(now));
            return (now, outcome);
        }
        return (await _presence.GetJoinedAtAsync(attendee.EventId, attendee.AttendeeId, ct) ?? now, outcome);
    }

    public async Task DisconnectAsync(string eventId, string attendeeId, string connectionId)
    {
        int left;
        try
        {
            left = await _presence.DisconnectAsync(eventId, attendeeId, connectionId, _time.GetUtcNow().ToUnixTimeMilliseconds());
        }
        catch (StoreUnavailableException ex)
        {
            // The connection is gone whatever the store says; forgetting it would keep the attendee present for ever.
            RoomLog.DisconnectDeferred(_logger, ex, eventId);
            _deferredDisconnects.Enqueue((eventId, attendeeId, connectionId));
            return;
        }
        if (left > 0)
        {
            return;
        }
        // The attendee's last connection on any node just closed (the store counts them all): said once, here,
        // where the grace period starts.
        await ConnectionLostAsync(eventId, attendeeId);
        if (_grace <= TimeSpan.Zero)
        {
            await LeaveIfIdleAsync(eventId, attendeeId);
            return;
        }
        // A later disconnect within the grace period restarts it: the attendee leaves one grace period
        // after their last connection closed, unless they come back first.
        var key = (eventId, attendeeId);
        var timer = _time.CreateTimer(_ => _ = OnGraceOverAsync(key), null, _grace, Timeout.InfiniteTimeSpan);
        _graceTimers.AddOrUpdate(key, timer, (_, old) =>
        {
            old.Dispose();
            return timer;
        });
    }

    /// <summary>Records the disconnects the store could not take when they happened (it was unreachable).</summary>
    public async Task RetryDeferredDisconnectsAsync()
    {
        var count = _deferredDisconnects.Count;
        for (var i = 0; i < count && _deferredDisconnects.TryDequeue(out var pending); i++)
        {
            await DisconnectAsync(pending.EventId, pending.AttendeeId, pending.ConnectionId);
        }
    }

    /// <summary>The grace period after an attendee's last connection closed, before they leave the room.</summary>
    public TimeSpan GracePeriod => _grace;

    /// <summary>Takes the attendee out of the room at once (the host removed them).</summary>
    public async Task EvictAsync(string eventId, string attendeeId)
    {
        if (await _presence.EvictAsync(eventId, attendeeId))
        {
            _coalescer.Left(eventId, attendeeId);
        }
        await NotifyLeftAsync(eventId, attendeeId, evicted: true);
    }

    public async Task UpdatedAsync(AttendeeRecord attendee, CancellationToken ct = default)
    {
        if (await _presence.GetJoinedAtAsync(attendee.EventId, attendee.AttendeeId, ct) is { } joinedAt)
        {
            _coalescer.Updated(attendee.EventId, attendee.ToDto(joinedAt));
        }
    }

    private async Task OnGraceOverAsync((string EventId, string AttendeeId) key)
    {
        if (_graceTimers.TryRemove(key, out var timer))
        {
            timer.Dispose();
        }
        await LeaveIfIdleAsync(key.EventId, key.AttendeeId);
    }

    /// <summary>
    /// Ends the attendee's presence if they still have no connection, and tells the room. The grace timer
    /// calls it; on several nodes, so does the sweeper for attendees whose node died.
    /// </summary>
    public async Task LeaveIfIdleAsync(string eventId, string attendeeId)
    {
        try
        {
            if (await _presence.LeaveIfIdleAsync(eventId, attendeeId))
            {
                _coalescer.Left(eventId, attendeeId);
                await NotifyLeftAsync(eventId, attendeeId, evicted: false);
            }
        }
        catch (Exception ex)
        {
            PresenceLog.LeaveFailed(_logger, ex, eventId);
        }
    }

    /// <summary>
    /// Tells the listeners that the attendee has no connection left on any node. Called where that happens: the
    /// close of their last connection, or the sweep that drops a dead node's connections.
    /// </summary>
    public async Task ConnectionLostAsync(string eventId, string attendeeId)
    {
        Changed(eventId);
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.OnConnectionLostAsync(eventId, attendeeId);
            }
            catch (Exception ex)
            {
                PresenceLog.ListenerFailed(_logger, ex, eventId);
            }
        }
    }

    /// <summary>
    /// Who is present changed: joins, leaves and availability as the coalescer records them, a lost last connection and a
    /// return. Told at once, not per presence interval (the host's overview has its own coalescing).
    /// </summary>
    private void Changed(string eventId)
    {
        foreach (var listener in _changeListeners)
        {
            listener.OnPresenceChanged(eventId);
        }
    }

    private async Task NotifyLeftAsync(string eventId, string attendeeId, bool evicted)
    {
        foreach (var listener in _listeners)
        {
            await listener.OnLeftAsync(eventId, attendeeId, evicted);
        }
    }

    private async Task SendAsync(string eventId, PresenceChange change)
    {
        try
        {
            if (!await _window.TryOpenAsync(eventId, _interval))
            {
                _coalescer.Defer(eventId, change);
                return;
            }
            var count = await _presence.CountAsync(eventId);
            await _hub.Clients.Group(EventGroups.Room(eventId)).PresenceChanged(change with { AttendeeCount = count });
        }
        catch (Exception ex)
        {
            PresenceLog.SendFailed(_logger, ex, eventId);
        }
    }

    public void Dispose()
    {
        _coalescer.Dispose();
        foreach (var timer in _graceTimers.Values)
        {
            timer.Dispose();
        }
    }
}

internal static partial class PresenceLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Could not send a presence change to event {EventId}")]
    public static partial void SendFailed(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Could not end the presence of an attendee in event {EventId}")]
    public static partial void LeaveFailed(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "A presence listener failed on a lost connection in event {EventId}")]
    public static partial void ListenerFailed(ILogger logger, Exception exception, string eventId);
}
