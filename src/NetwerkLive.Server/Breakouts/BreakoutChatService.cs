using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Chat;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Limits;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>Private chat within a group, and the host's broadcast to every group.</summary>
public sealed class BreakoutChatService(IBreakoutStore store, IRateBudgets budgets, LimitRules rules, AttendeeMessenger messenger,
    TimeProvider time, IOptions<RoomOptions> room)
{
    public async Task<BreakoutChatMessage> SendAsync(RoomMember sender, string? text)
    {
        var checkedText = ChatService.CheckText(text, Texts.Get("Field.ChatMessage"), room.Value);
        var group = await store.GetGroupOfAsync(sender.EventId, sender.AttendeeId) ?? throw new HubException(Texts.Get("Breakouts.NobodyToSendTo"));
        await ChatService.TakeTokenAsync(budgets, rules, sender);
        var message = new BreakoutChatMessage(group.RoundId, group.GroupId, sender.AttendeeId, sender.DisplayName, checkedText, time.GetUtcNow().ToUnixTimeMilliseconds());
        // Kept before it is sent, so a member who reloads finds every message they saw.
        await store.AppendBreakoutChatAsync(sender.EventId, message);
        await messenger.SendAsync(group.Members, client => client.BreakoutChatReceived(message));
        return message;
    }

    public async Task BroadcastAsync(RoomMember host, string? text)
    {
        BreakoutService.RequireHost(host, "HostOnly.Broadcast");
        var checkedText = ChatService.CheckText(text, Texts.Get("Field.Broadcast"), room.Value);
        var state = await store.GetAsync(host.EventId);
        var members = state.Groups.Values.SelectMany(g => g.Members).ToList();
        if (members.Count == 0)
        {
            throw new HubException(Texts.Get("Breakouts.NobodyInBreakout"));
        }
        var broadcast = new Announcement(checkedText, time.GetUtcNow().ToUnixTimeMilliseconds());
        await store.SetBroadcastAsync(host.EventId, broadcast);
        await messenger.SendAsync(members, client => client.BreakoutBroadcast(broadcast));
    }
}
