using Microsoft.Extensions.Options;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Video;

namespace NetwerkLive.Server.Limits;

/// <summary>
/// Every budget as a bucket rule, which buckets each kind of call takes from, and what a refusal says: the
/// one place that turns the options into limits.
/// </summary>
public sealed class LimitRules
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public LimitRules(IOptions<LimitOptions> limits, IOptions<RoomOptions> room, IOptions<VideoOptions> video)
    {
        var l = limits.Value;
        var r = room.Value;
        Options = l;
        HubCalls = new("calls", l.HubCallsPerWindow, l.HubCallWindow);
        SetAvailable = new("available", l.SetAvailablePerWindow, l.SetAvailableWindow);
        Chat = new("chat", r.ChatMessagesPerWindow, r.ChatWindow);
        ChatPerClient = new("chat-client", l.ChatMessagesPerClientPerWindow, r.ChatWindow);
        CreateEvent = new("events", l.EventsPerClientPerHour, Hour);
        RegisterPerEvent = new("registrations-event", l.RegistrationsPerClientPerEventPerHour, Hour);
        Register = new("registrations", l.RegistrationsPerClientPerHour, Hour);
        Reads = new("reads", l.ReadsPerClientPerMinute, Minute);
        HubRequests = new("hub-requests", l.HubRequestsPerClientPerMinute, Minute);
        CallSignals = new("call-signals", video.Value.SignalsPerWindow, video.Value.SignalWindow);
    }

    public LimitOptions Options { get; }

    public BucketRule HubCalls { get; }
    public BucketRule SetAvailable { get; }
    public BucketRule Chat { get; }
    public BucketRule ChatPerClient { get; }
    public BucketRule CreateEvent { get; }
    public BucketRule RegisterPerEvent { get; }
    public BucketRule Register { get; }
    public BucketRule Reads { get; }
    public BucketRule HubRequests { get; }
    public BucketRule CallSignals { get; }

    /// <summary>
    /// A hub call: its cost from the attendee's call budget, and SetAvailable also from its own. A call's
    /// signalling takes only from its own budget: ICE candidates come in bursts of tens, which the call budget
    /// is not made for.
    /// </summary>
    public BudgetTake[] ForHubCall(string method, string eventId, string attendeeId)
    {
        var attendee = eventId + ":" + attendeeId;
        var call = new BudgetTake(HubCalls, attendee, HubCallCosts.Of(method));
        return method switch
        {
            nameof(Contracts.IEventHub.SetAvailable) => [call, new(SetAvailable, attendee)],
            nameof(Contracts.IEventHub.SendCallSignal) => [new(CallSignals, attendee)],
            _ => [call],
        };
    }

    /// <summary>
    /// A chat message (room or breakout, one budget): the sender's own budget, and the budget of everyone
    /// in the event who connected from the sender's network, so fresh registrations bring no fresh budget.
    /// </summary>
    public BudgetTake[] ForChat(RoomMember sender) =>
        [new(Chat, sender.EventId + ":" + sender.AttendeeId), new(ChatPerClient, sender.EventId + ":" + sender.Client)];

    public BudgetTake[] ForCreateEvent(string client) => [new(CreateEvent, client)];

    public BudgetTake[] ForRegister(string client, string eventId) => [new(RegisterPerEvent, client + ":" + eventId), new(Register, client)];

    public BudgetTake[] ForRead(string client) => [new(Reads, client)];

    public BudgetTake[] ForHubRequest(string client) => [new(HubRequests, client)];

    /// <summary>What a person is told when <paramref name="refusal"/> stopped them.</summary>
    public string Explain(BudgetRefusal refusal)
    {
        var (rule, wait) = (refusal.Rule, refusal.RetryAfter);
        return rule.Name switch
        {
            "chat" => LimitMessages.ChatTooFast(rule.Capacity, rule.Window),
            "chat-client" => LimitMessages.ChatTooFastFromNetwork(rule.Capacity, rule.Window),
            "available" => LimitMessages.AvailabilityTooOften(rule.Capacity, rule.Window, wait),
            "events" => LimitMessages.TooManyEvents(rule.Capacity, wait),
            "registrations-event" => LimitMessages.TooManyRegistrationsForEvent(rule.Capacity, wait),
            "registrations" => LimitMessages.TooManyRegistrations(rule.Capacity, wait),
            "reads" => LimitMessages.TooManyReads(rule.Capacity, wait),
            "hub-requests" => LimitMessages.TooManyHubRequests(rule.Capacity, wait),
            "call-signals" => LimitMessages.CallSignalsTooFast(wait),
            _ => LimitMessages.HubCallsTooFast(wait),
        };
    }
}
