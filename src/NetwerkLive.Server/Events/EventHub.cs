using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Chat;
using NetwerkLive.Server.Moderation;

namespace NetwerkLive.Server.Events;

/// <summary>The live room of an event. Each method checks who may call it and hands off to a feature service.</summary>
[Authorize]
public sealed class EventHub(RoomService room, ChatService chat, ModerationService moderation) : Hub<IEventClient>, IEventHub
{
    public Task<JoinResult> Join() => room.JoinAsync(Context);

    public Task<ChatMessage> SendChat(string text) => chat.SendAsync(Member, text);

    public Task<ChatMessage[]> GetChatSince(long afterSeq, int limit) => chat.GetSinceAsync(Member, afterSeq, limit);

    public Task SetAvailable(bool available) => room.SetAvailableAsync(Member, available);

    public Task Announce(string text) => moderation.AnnounceAsync(Member, text);

    public Task DeleteMessage(long seq) => moderation.DeleteMessageAsync(Member, seq);

    public Task RemoveAttendee(string attendeeId) => moderation.RemoveAttendeeAsync(Member, attendeeId);

    public override Task OnDisconnectedAsync(Exception? exception) => room.LeaveAsync(Context);

    private RoomMember Member => room.ActingMember(Context);
}
