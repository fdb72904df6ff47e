using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace NetwerkLive.Server.Moderation;

/// <summary>
/// The live connections on this node: per attendee, so the host can cut them off, and per event, so a node
/// can deliver to its own connections of an event (the ordered chat feed on several nodes).
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _byAttendee = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byEvent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _revoked = new(StringComparer.Ordinal);

    public void Add(string eventId, string attendeeId, HubCallerContext context)
    {
        _byAttendee.GetOrAdd(attendeeId, static _ => new(StringComparer.Ordinal))[context.ConnectionId] = context;
        _byEvent.GetOrAdd(eventId, static _ => new(StringComparer.Ordinal))[context.ConnectionId] = 0;
    }

    /// <summary>Every connection on this node that joined an event and is not revoked.</summary>
    public IReadOnlyList<HubCallerContext> All() =>
        [.. _byAttendee.Values.SelectMany(c => c.Values).Where(c => !_revoked.ContainsKey(c.ConnectionId))];

    /// <summary>The ids of this node's connections that joined the event.</summary>
    public IReadOnlyList<string> InEvent(string eventId) =>
        _byEvent.TryGetValue(eventId, out var connections) ? [.. connections.Keys] : [];

    public void Remove(string eventId, string attendeeId, string connectionId)
    {
        _revoked.TryRemove(connectionId, out _);
        if (_byEvent.TryGetValue(eventId, out var inEvent))
        {
            inEvent.TryRemove(connectionId, out _);
            if (inEvent.IsEmpty)
            {
                _byEvent.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, byte>>(eventId, inEvent));
            }
        }
        if (_byAttendee.TryGetValue(attendeeId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
            if (connections.IsEmpty)
            {
                _byAttendee.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, HubCallerContext>>(attendeeId, connections));
            }
        }
    }

    /// <summary>The ids of the attendee's (joined, not revoked) connections on this node.</summary>
    public IReadOnlyList<string> ConnectionIdsOf(string attendeeId) =>
        _byAttendee.TryGetValue(attendeeId, out var connections) ? [.. connections.Keys] : [];

    public IReadOnlyList<HubCallerContext> Of(string attendeeId) =>
        _byAttendee.TryGetValue(attendeeId, out var connections) ? [.. connections.Values] : [];

    /// <summary>
    /// Takes the attendee's connections out and marks them revoked: they stay open a moment so the
    /// Removed message reaches them, but may no longer act in the room.
    /// </summary>
    public IReadOnlyList<HubCallerContext> Revoke(string attendeeId)
    {
        if (!_byAttendee.TryRemove(attendeeId, out var connections))
        {
            return [];
        }
        foreach (var connectionId in connections.Keys)
        {
            _revoked[connectionId] = 0;
        }
        return [.. connections.Values];
    }

    public bool IsRevoked(string connectionId) => _revoked.ContainsKey(connectionId);
}
