using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NetwerkLive.Contracts;

namespace NetwerkLive.Client;

public enum HubProtocol
{
    MessagePack,
    Json,
}

/// <summary>
/// A typed connection to one event's hub. Server pushes arrive as .NET events; hub methods are the
/// <see cref="IEventHub"/> methods. Handlers run on SignalR's receive loop: keep them short.
/// </summary>
public sealed class EventConnection : IEventHub, IAsyncDisposable
{
    private EventConnection(HubConnection connection)
    {
        Connection = connection;
        connection.On<PresenceChange>(nameof(IEventClient.PresenceChanged), c => PresenceChanged?.Invoke(c));
        connection.On<ChatMessage>(nameof(IEventClient.ChatReceived), m => ChatReceived?.Invoke(m));
        connection.On<long>(nameof(IEventClient.ChatDeleted), seq => ChatDeleted?.Invoke(seq));
        connection.On<Announcement>(nameof(IEventClient.Announcement), a => AnnouncementReceived?.Invoke(a));
        connection.On<RemovedNotice>(nameof(IEventClient.Removed), r => Removed?.Invoke(r));
        connection.On<RoundNotice>(nameof(IEventClient.RoundStarted), r => RoundStarted?.Invoke(r));
        connection.On<RoundEndedNotice>(nameof(IEventClient.RoundEnded), r => RoundEnded?.Invoke(r));
        connection.On<BreakoutAssignment>(nameof(IEventClient.BreakoutStarted), a => BreakoutStarted?.Invoke(a));
        connection.On<BreakoutWaitingNotice>(nameof(IEventClient.BreakoutWaiting), n => BreakoutWaiting?.Invoke(n));
        connection.On<BreakoutTimeNotice>(nameof(IEventClient.BreakoutEnding), n => BreakoutEnding?.Invoke(n));
        connection.On<BreakoutTimeNotice>(nameof(IEventClient.BreakoutExtended), n => BreakoutExtended?.Invoke(n));
        connection.On<BreakoutEndedNotice>(nameof(IEventClient.BreakoutEnded), n => BreakoutEnded?.Invoke(n));
        connection.On<PartnerLeftNotice>(nameof(IEventClient.PartnerLeft), n => PartnerLeft?.Invoke(n));
        connection.On<PartnerConnectionNotice>(nameof(IEventClient.PartnerConnection), n => PartnerConnection?.Invoke(n));
        connection.On<ExtensionProposedNotice>(nameof(IEventClient.ExtensionProposed), n => ExtensionProposed?.Invoke(n));
        connection.On<BreakoutChatMessage>(nameof(IEventClient.BreakoutChatReceived), m => BreakoutChatReceived?.Invoke(m));
        connection.On<Announcement>(nameof(IEventClient.BreakoutBroadcast), a => BreakoutBroadcast?.Invoke(a));
        connection.On<FollowUpMatch>(nameof(IEventClient.FollowUpMatched), m => FollowUpMatched?.Invoke(m));
        connection.On<CallSignalNotice>(nameof(IEventClient.CallSignal), n => CallSignal?.Invoke(n));
        connection.On<BreakoutOverview>(nameof(IEventClient.BreakoutOverview), o => BreakoutOverview?.Invoke(o));
        connection.On<EventLiveNotice>(nameof(IEventClient.EventLive), n => EventLive?.Invoke(n));
        connection.On<FollowUpRequestNotice>(nameof(IEventClient.FollowUpRequested), n => FollowUpRequested?.Invoke(n));
        connection.On<CoffeeDate>(nameof(IEventClient.CoffeeDateChanged), d => CoffeeDateChanged?.Invoke(d));
        connection.On<CoffeeDate>(nameof(IEventClient.CoffeeReminder), d => CoffeeReminder?.Invoke(d));
        connection.On<LiveEndedNotice>(nameof(IEventClient.LiveEnded), n => LiveEnded?.Invoke(n));
    }

    /// <summary>The underlying SignalR connection, for its state, reconnect and close events.</summary>
    public HubConnection Connection { get; }

    public event Action<PresenceChange>? PresenceChanged;
    public event Action<ChatMessage>? ChatReceived;
    public event Action<long>? ChatDeleted;
    public event Action<Announcement>? AnnouncementReceived;
    public event Action<RemovedNotice>? Removed;
    public event Action<RoundNotice>? RoundStarted;
    public event Action<RoundEndedNotice>? RoundEnded;
    public event Action<BreakoutAssignment>? BreakoutStarted;
    public event Action<BreakoutWaitingNotice>? BreakoutWaiting;
    public event Action<BreakoutTimeNotice>? BreakoutEnding;
    public event Action<BreakoutTimeNotice>? BreakoutExtended;
    public event Action<BreakoutEndedNotice>? BreakoutEnded;
    public event Action<PartnerLeftNotice>? PartnerLeft;
    public event Action<PartnerConnectionNotice>? PartnerConnection;
    public event Action<ExtensionProposedNotice>? ExtensionProposed;
    public event Action<BreakoutChatMessage>? BreakoutChatReceived;
    public event Action<Announcement>? BreakoutBroadcast;
    public event Action<FollowUpMatch>? FollowUpMatched;
    public event Action<CallSignalNotice>? CallSignal;
    public event Action<BreakoutOverview>? BreakoutOverview;
    public event Action<EventLiveNotice>? EventLive;
    public event Action<FollowUpRequestNotice>? FollowUpRequested;
    public event Action<CoffeeDate>? CoffeeDateChanged;
    public event Action<CoffeeDate>? CoffeeReminder;
    public event Action<LiveEndedNotice>? LiveEnded;

    /// <summary>Builds (but does not start) a connection to <paramref name="baseAddress"/>'s event hub.</summary>
    /// <param name="configureHttp">Transport settings: tests plug in a test server's handler or WebSocket factory here.</param>
    public static EventConnection Create(Uri baseAddress, string token, HubProtocol protocol = HubProtocol.MessagePack,
        Action<HttpConnectionOptions>? configureHttp = null, Action<IHubConnectionBuilder>? configure = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, HubRoutes.Event), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                configureHttp?.Invoke(options);
            });
        // JSON is SignalR's default; MessagePack, registered later, takes its place.
        if (protocol == HubProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }
        configure?.Invoke(builder);
        return new EventConnection(builder.Build());
    }

    public Task StartAsync(CancellationToken ct = default) => Connection.StartAsync(ct);

    public Task StopAsync(CancellationToken ct = default) => Connection.StopAsync(ct);

    public Task<JoinResult> Join() => Connection.InvokeAsync<JoinResult>(nameof(IEventHub.Join));

    public Task<ChatMessage> SendChat(string text) => Connection.InvokeAsync<ChatMessage>(nameof(IEventHub.SendChat), text);

    public Task<ChatMessage[]> GetChatSince(long afterSeq, int limit) => Connection.InvokeAsync<ChatMessage[]>(nameof(IEventHub.GetChatSince), afterSeq, limit);

    public Task SetAvailable(bool available) => Connection.InvokeAsync(nameof(IEventHub.SetAvailable), available);

    public Task Announce(string text) => Connection.InvokeAsync(nameof(IEventHub.Announce), text);

    public Task DeleteMessage(long seq) => Connection.InvokeAsync(nameof(IEventHub.DeleteMessage), seq);

    public Task RemoveAttendee(string attendeeId) => Connection.InvokeAsync(nameof(IEventHub.RemoveAttendee), attendeeId);

    public Task<RoundInfo> StartRound(int durationSeconds, int groupSize) => Connection.InvokeAsync<RoundInfo>(nameof(IEventHub.StartRound), durationSeconds, groupSize);

    public Task EndRound() => Connection.InvokeAsync(nameof(IEventHub.EndRound));

    public Task<RoundInfo> ExtendRound(int seconds) => Connection.InvokeAsync<RoundInfo>(nameof(IEventHub.ExtendRound), seconds);

    public Task BroadcastToBreakouts(string text) => Connection.InvokeAsync(nameof(IEventHub.BroadcastToBreakouts), text);

    public Task<BreakoutChatMessage> SendBreakoutChat(string text) => Connection.InvokeAsync<BreakoutChatMessage>(nameof(IEventHub.SendBreakoutChat), text);

    public Task ProposeExtension() => Connection.InvokeAsync(nameof(IEventHub.ProposeExtension));

    public Task LeaveBreakout() => Connection.InvokeAsync(nameof(IEventHub.LeaveBreakout));

    public Task BlockAttendee(string attendeeId) => Connection.InvokeAsync(nameof(IEventHub.BlockAttendee), attendeeId);

    public Task<CoffeeQueueStatus> FindCoffeePartner() => Connection.InvokeAsync<CoffeeQueueStatus>(nameof(IEventHub.FindCoffeePartner));

    public Task LeaveCoffeeQueue() => Connection.InvokeAsync(nameof(IEventHub.LeaveCoffeeQueue));

    public Task RequestFollowUp(string attendeeId) => Connection.InvokeAsync(nameof(IEventHub.RequestFollowUp), attendeeId);

    public Task SendCallSignal(string groupId, string toAttendeeId, string payload) =>
        Connection.InvokeAsync(nameof(IEventHub.SendCallSignal), groupId, toAttendeeId, payload);

    public Task<IceConfig> GetIceServers() => Connection.InvokeAsync<IceConfig>(nameof(IEventHub.GetIceServers));

    public Task ReportCallConnected(string groupId) => Connection.InvokeAsync(nameof(IEventHub.ReportCallConnected), groupId);

    public Task PairWaiting(string attendeeId, string otherAttendeeId) => Connection.InvokeAsync(nameof(IEventHub.PairWaiting), attendeeId, otherAttendeeId);

    public Task MoveToGroup(string attendeeId, string groupId) => Connection.InvokeAsync(nameof(IEventHub.MoveToGroup), attendeeId, groupId);

    public Task EndGroup(string groupId) => Connection.InvokeAsync(nameof(IEventHub.EndGroup), groupId);

    public Task GoLive() => Connection.InvokeAsync(nameof(IEventHub.GoLive));

    public Task<Attendee> SetAskAndOffer(AskOffer? ask, AskOffer? offer) => Connection.InvokeAsync<Attendee>(nameof(IEventHub.SetAskAndOffer), ask, offer);

    public Task<BoardEntry[]> GetBoard() => Connection.InvokeAsync<BoardEntry[]>(nameof(IEventHub.GetBoard));

    public Task DeclineFollowUp(string attendeeId) => Connection.InvokeAsync(nameof(IEventHub.DeclineFollowUp), attendeeId);

    public Task<CoffeeDate> ProposeCoffeeTimes(string dateId, long[] times) => Connection.InvokeAsync<CoffeeDate>(nameof(IEventHub.ProposeCoffeeTimes), dateId, times);

    public Task<CoffeeDate> AcceptCoffeeTime(string dateId, long time) => Connection.InvokeAsync<CoffeeDate>(nameof(IEventHub.AcceptCoffeeTime), dateId, time);

    public Task CancelCoffee(string dateId) => Connection.InvokeAsync(nameof(IEventHub.CancelCoffee), dateId);

    public Task<BreakoutAssignment> EnterCoffeeRoom(string dateId) => Connection.InvokeAsync<BreakoutAssignment>(nameof(IEventHub.EnterCoffeeRoom), dateId);

    public Task EndLive(string? replayUrl, bool keepChatOpen) => Connection.InvokeAsync(nameof(IEventHub.EndLive), replayUrl, keepChatOpen);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
