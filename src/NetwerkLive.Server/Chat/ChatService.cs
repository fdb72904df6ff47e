using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Chat;

public sealed class ChatService(IChatStore chat, ChatRateLimiter limiter, IHubContext<EventHub, IEventClient> hub, TimeProvider time, IOptions<RoomOptions> options)
{
    private readonly RoomOptions _options = options.Value;

    public async Task<ChatMessage> SendAsync(RoomMember sender, string? text)
    {
        var error = TextRules.CheckRequired(text, "A chat message", _options.MaxChatLength, allowLineBreaks: true);
        if (error is not null)
        {
            throw new HubException(error);
        }
        if (!limiter.TryAcquire(sender.EventId, sender.AttendeeId))
        {
            throw new HubException($"You are sending messages too quickly: at most {_options.ChatMessagesPerWindow} messages per {_options.ChatWindow.TotalSeconds:0.#} seconds. Wait a moment and try again; your message was not sent.");
        }
        var message = await chat.AppendAsync(sender.EventId, sender.AttendeeId, sender.DisplayName, text!.Trim(), time.GetUtcNow().ToUnixTimeMilliseconds());
        await hub.Clients.Group(EventGroups.Room(sender.EventId)).ChatReceived(message);
        return message;
    }

    public async Task<ChatMessage[]> GetSinceAsync(RoomMember member, long afterSeq, int limit)
    {
        if (afterSeq < 0)
        {
            throw new HubException("afterSeq cannot be negative: pass 0 to read from the first message kept.");
        }
        if (limit < 1)
        {
            throw new HubException($"limit must be at least 1 (and at most {_options.ChatSinceCap}).");
        }
        var messages = await chat.GetSinceAsync(member.EventId, afterSeq, Math.Min(limit, _options.ChatSinceCap));
        return [.. messages];
    }
}
