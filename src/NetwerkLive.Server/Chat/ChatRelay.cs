using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Chat;

/// <summary>
/// Hands each message of the store's chat feed to this node's connections in the event, one message at a
/// time, so every connection receives an event's chat in seq order even when senders are on other nodes.
/// (A send to the room from each sender's node would interleave: each node publishes on its own.)
/// One node sends to the room's group; on several nodes each sends to its own part of the room
/// (<see cref="EventGroups.RoomOnNode"/>), serialised once per message like any group send.
/// </summary>
public sealed class ChatRelay(IChatStore chat, IHubContext<EventHub, IEventClient> hub, IOptions<RedisOptions> redis, NodeIdentity node,
    ILogger<ChatRelay> logger) : IHostedService
{
    private readonly bool _severalNodes = redis.Value.Enabled;

    public Task StartAsync(CancellationToken cancellationToken) => chat.SubscribeAsync(DeliverAsync, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Task DeliverAsync(string eventId, ChatMessage message)
    {
        // Not awaited: the send has queued the message on every connection (each connection writes in the
        // order it was handed messages) or on the one Redis connection, so order holds without waiting; and
        // one slow phone must not hold up the event's chat for everyone on this node.
        var group = _severalNodes ? EventGroups.RoomOnNode(eventId, node.NodeId) : EventGroups.Room(eventId);
        var send = hub.Clients.Group(group).ChatReceived(message);
        if (!send.IsCompletedSuccessfully)
        {
            _ = LogIfFailedAsync(send, eventId, message.Seq);
        }
        return Task.CompletedTask;
    }

    private async Task LogIfFailedAsync(Task send, string eventId, long seq)
    {
        try
        {
            await send;
        }
        catch (Exception ex)
        {
            ChatLog.RelayFailed(logger, ex, eventId, seq);
        }
    }
}

internal static partial class ChatLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Could not deliver chat message {Seq} of event {EventId} to this node's connections")]
    public static partial void RelayFailed(ILogger logger, Exception exception, string eventId, long seq);
}
