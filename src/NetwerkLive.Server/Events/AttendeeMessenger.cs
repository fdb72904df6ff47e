using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Moderation;

namespace NetwerkLive.Server.Events;

/// <summary>
/// Pushes to attendees (all their tabs). On one node, SignalR's own user routing
/// (<c>Clients.User</c>/<c>Users</c>) looks at every connection of the server for each call, which made a
/// 2,000-person round start take seconds; here the node's own registry names the connections and each is
/// written to directly. On several nodes the backplane's per-user channels are already direct.
/// </summary>
public sealed class AttendeeMessenger(IHubContext<EventHub, IEventClient> hub, ConnectionRegistry connections, IOptions<RedisOptions> redis)
{
    private readonly bool _severalNodes = redis.Value.Enabled;

    public Task SendAsync(string attendeeId, Func<IEventClient, Task> send) => SendAsync([attendeeId], send);

    public Task SendAsync(IReadOnlyList<string> attendeeIds, Func<IEventClient, Task> send)
    {
        if (_severalNodes)
        {
            return send(attendeeIds.Count == 1 ? hub.Clients.User(attendeeIds[0]) : hub.Clients.Users(attendeeIds));
        }
        var sends = new List<Task>();
        foreach (var attendeeId in attendeeIds)
        {
            foreach (var connectionId in connections.ConnectionIdsOf(attendeeId))
            {
                sends.Add(send(hub.Clients.Client(connectionId)));
            }
        }
        return Task.WhenAll(sends);
    }
}
