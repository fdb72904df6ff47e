using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace NetwerkLive.Server.Moderation;

/// <summary>
/// The live connections on this node per attendee: so the host can cut them off, pushes to an attendee
/// go straight to their connections, and a node can put its connections back in the shared presence.
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _byAttendee = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _revoked = new(StringComparer.Ordinal);

    public void Add(string attendeeId, HubCallerContext context) =>
        _byAttendee.GetOrAdd(attendeeId, static _ => new(StringComparer.Ordinal))[context.ConnectionId] = context;

    /// <summary>Every connection on this node that joined an event and is not revoked.</summary>
    public IReadOnlyList<HubCallerContext> All() =>
        [.. _byAttendee.Values.SelectMany(c => c.Values).Where(c => !_revoked.ContainsKey(c.ConnectionId))];

    public void Remove(string attendeeId, string connectionId)
    {
        _revoked.TryRemove(connectionId, out _);
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

    /// <summary>Takes out and marks revoked those of the attendee's connections that <paramref name="stale"/> picks.</summary>
    public IReadOnlyList<HubCallerContext> Revoke(string attendeeId, Func<HubCallerContext, bool> stale)
    {
        if (!_byAttendee.TryGetValue(attendeeId, out var connections))
        {
            return [];
        }
        var revoked = new List<HubCallerContext>();
        foreach (var (connectionId, context) in connections)
        {
            if (stale(context) && connections.TryRemove(connectionId, out _))
            {
                _revoked[connectionId] = 0;
                revoked.Add(context);
            }
        }
        return revoked;
    }

    public bool IsRevoked(string connectionId) => _revoked.ContainsKey(connectionId);
}
