using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Contracts;
using NetwerkLive.Server.AfterLive;
using NetwerkLive.Server.AsksAndOffers;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Chat;
using NetwerkLive.Server.Coffees;
using NetwerkLive.Server.Moderation;
using NetwerkLive.Server.Schedule;
using NetwerkLive.Server.Video;

namespace NetwerkLive.Server.Events;

/// <summary>The live room of an event. Each method checks who may call it and hands off to a feature service.</summary>
[Authorize]
public sealed class EventHub(RoomService room, ChatService chat, ModerationService moderation, BreakoutService breakouts, BreakoutChatService breakoutChat,
    VideoCallService video, GoLiveService goLive, AfterLiveService afterLive, AskOfferService asks, CoffeeService coffees, CoffeeRoom coffeeRoom)
    : Hub<IEventClient>, IEventHub
{
    public Task<JoinResult> Join() => room.JoinAsync(Context);

    public Task<ChatMessage> SendChat(string text) => chat.SendAsync(Member, text);

    public Task<ChatMessage[]> GetChatSince(long afterSeq, int limit) => chat.GetSinceAsync(Member, afterSeq, limit);

    public Task SetAvailable(bool available) => room.SetAvailableAsync(Member, available);

    public Task Announce(string text) => moderation.AnnounceAsync(Member, text);

    public Task DeleteMessage(long seq) => moderation.DeleteMessageAsync(Member, seq);

    public Task RemoveAttendee(string attendeeId) => moderation.RemoveAttendeeAsync(Member, attendeeId);

    public Task<RoundInfo> StartRound(int durationSeconds, int groupSize) => breakouts.StartRoundAsync(Member, durationSeconds, groupSize);

    public Task EndRound() => breakouts.EndRoundAsync(Member);

    public Task<RoundInfo> ExtendRound(int seconds) => breakouts.ExtendRoundAsync(Member, seconds);

    public Task BroadcastToBreakouts(string text) => breakoutChat.BroadcastAsync(Member, text);

    public Task<BreakoutChatMessage> SendBreakoutChat(string text) => breakoutChat.SendAsync(Member, text);

    public Task ProposeExtension() => breakouts.ProposeExtensionAsync(Member);

    public Task LeaveBreakout() => breakouts.LeaveBreakoutAsync(Member);

    public Task BlockAttendee(string attendeeId) => breakouts.BlockAsync(Member, attendeeId);

    public Task<CoffeeQueueStatus> FindCoffeePartner() => breakouts.FindCoffeePartnerAsync(Member);

    public Task LeaveCoffeeQueue() => breakouts.LeaveCoffeeQueueAsync(Member);

    public Task RequestFollowUp(string attendeeId) => breakouts.RequestFollowUpAsync(Member, attendeeId);

    public Task SendCallSignal(string groupId, string toAttendeeId, string payload) => video.SendSignalAsync(Member, groupId, toAttendeeId, payload);

    public Task<IceConfig> GetIceServers() => video.GetIceServersAsync(Member);

    public Task ReportCallConnected(string groupId) => video.ReportConnectedAsync(Member, groupId);

    public Task PairWaiting(string attendeeId, string otherAttendeeId) => breakouts.PairWaitingAsync(Member, attendeeId, otherAttendeeId);

    public Task MoveToGroup(string attendeeId, string groupId) => breakouts.MoveToGroupAsync(Member, attendeeId, groupId);

    public Task EndGroup(string groupId) => breakouts.EndGroupAsync(Member, groupId);

    public Task GoLive() => goLive.GoLiveAsync(Member);

    // After the live part (issue 15): asks and offers, the board, coffees, ending the live part.
    public Task<Attendee> SetAskAndOffer(AskOffer? ask, AskOffer? offer) => asks.SetAsync(Member, ask, offer);

    public Task<BoardEntry[]> GetBoard() => asks.BoardAsync(Member);

    public Task DeclineFollowUp(string attendeeId) => breakouts.DeclineFollowUpAsync(Member, attendeeId);

    public Task<CoffeeDate> ProposeCoffeeTimes(string dateId, long[] times) => coffees.ProposeAsync(Member, dateId, times);

    public Task<CoffeeDate> AcceptCoffeeTime(string dateId, long time) => coffees.AcceptAsync(Member, dateId, time);

    public Task CancelCoffee(string dateId) => coffees.CancelAsync(Member, dateId);

    public Task<BreakoutAssignment> EnterCoffeeRoom(string dateId) => coffeeRoom.EnterAsync(Member, dateId);

    public Task EndLive(string? replayUrl, bool keepChatOpen) => afterLive.EndLiveAsync(Member, replayUrl, keepChatOpen);

    public override Task OnDisconnectedAsync(Exception? exception) => room.LeaveAsync(Context);

    private RoomMember Member => room.ActingMember(Context);
}
