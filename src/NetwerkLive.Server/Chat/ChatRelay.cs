using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Moderation;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Chat;

/// <summary>
/// Hands each message of the store's chat feed to this node's connections in the event, one message at a
/// time, so every connection receives an event's chat in seq order even when senders are on other nodes.
/// (A SignalR group send from each sender's node would interleave: each node publishes on its own.)
/// </summary>
public sealed class ChatRelay(IChatStore chat, ConnectionRegistry connections, IHubContext<EventHub, IEventClient> hub,
    ILogger<ChatRelay> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => chat.SubscribeAsync(DeliverAsync, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DeliverAsync(string eventId, ChatMessage message)
    {
        var here = connections.InEvent(eventId);
        if (here.Count == 0)
        {
            return;
        }
        try
        {
            // A connection on this node is written to directly (no backplane round trip).
            var sends = new Task[here.Count];
            for (var i = 0; i < here.Count; i++)
            {
                sends[i] = hub.Clients.Client(here[i]).ChatReceived(message);
            }
            await Task.WhenAll(sends);
        }
        catch (Exception ex)
        {
            ChatLog.RelayFailed(logger, ex, eventId, message.Seq);
        }
    }
}

internal static partial class ChatLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Could not deliver chat message {Seq} of event {EventId} to every connection on this node")]
    public static partial void RelayFailed(ILogger logger, Exception exception, string eventId, long seq);
}
