using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace NetwerkLive.Server.Moderation;

/// <summary>The live connections of each attendee on this node, so the host can cut them off.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _byAttendee = new(StringComparer.Ordinal);

    public void Add(string attendeeId, HubCallerContext context) =>
        _byAttendee.GetOrAdd(attendeeId, static _ => new(StringComparer.Ordinal))[context.ConnectionId] = context;

    public void Remove(string attendeeId, string connectionId)
    {
        if (_byAttendee.TryGetValue(attendeeId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
            if (connections.IsEmpty)
            {
                _byAttendee.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, HubCallerContext>>(attendeeId, connections));
            }
        }
    }

    public IReadOnlyList<HubCallerContext> Of(string attendeeId) =>
        _byAttendee.TryGetValue(attendeeId, out var connections) ? [.. connections.Values] : [];
}
