using NetwerkLive.Client;
using NetwerkLive.Contracts;

namespace NetwerkLive.Tests.Infrastructure;

/// <summary>A real SignalR client of one attendee (or the host), recording everything the server pushes.</summary>
public sealed class TestClient : IAsyncDisposable
{
    public TestClient(EventConnection connection, string attendeeId, string token)
    {
        Connection = connection;
        AttendeeId = attendeeId;
        Token = token;
        connection.PresenceChanged += Presence.Add;
        connection.ChatReceived += Chat.Add;
        connection.ChatDeleted += Deleted.Add;
        connection.AnnouncementReceived += Announcements.Add;
        connection.Removed += Removed.Add;
        connection.EventLive += EventLive.Add;
        connection.RoundStarted += RoundStarted.Add;
        connection.RoundEnded += RoundEnded.Add;
        connection.BreakoutStarted += BreakoutStarted.Add;
        connection.BreakoutWaiting += BreakoutWaiting.Add;
        connection.BreakoutEnding += BreakoutEnding.Add;
        connection.BreakoutExtended += BreakoutExtended.Add;
        connection.BreakoutEnded += BreakoutEnded.Add;
        connection.PartnerLeft += PartnerLeft.Add;
        connection.PartnerConnection += PartnerConnection.Add;
        connection.ExtensionProposed += ExtensionProposed.Add;
        connection.BreakoutChatReceived += BreakoutChat.Add;
        connection.BreakoutBroadcast += BreakoutBroadcast.Add;
        connection.FollowUpMatched += FollowUpMatched.Add;
        connection.CallSignal += CallSignals.Add;
        connection.BreakoutOverview += Overviews.Add;
        connection.CoffeeDateChanged += CoffeeDates.Add;
        connection.CoffeeReminder += CoffeeReminders.Add;
        connection.LiveEnded += LiveEnded.Add;
        connection.FollowUpRequested += FollowUpRequested.Add;
        connection.Connection.Closed += error =>
        {
            Closed.Add(error);
            return Task.CompletedTask;
        };
    }

    public EventConnection Connection { get; }

    public string AttendeeId { get; set; }

    public string Token { get; }

    /// <summary>The person token of the registration, when the test registered it (who this is across the series).</summary>
    public string? PersonToken { get; init; }

    public Inbox<PresenceChange> Presence { get; } = new();
    public Inbox<ChatMessage> Chat { get; } = new();
    public Inbox<long> Deleted { get; } = new();
    public Inbox<Announcement> Announcements { get; } = new();
    public Inbox<RemovedNotice> Removed { get; } = new();
    public Inbox<EventLiveNotice> EventLive { get; } = new();
    public Inbox<Exception?> Closed { get; } = new();
    public Inbox<RoundNotice> RoundStarted { get; } = new();
    public Inbox<RoundEndedNotice> RoundEnded { get; } = new();
    public Inbox<BreakoutAssignment> BreakoutStarted { get; } = new();
    public Inbox<BreakoutWaitingNotice> BreakoutWaiting { get; } = new();
    public Inbox<BreakoutTimeNotice> BreakoutEnding { get; } = new();
    public Inbox<BreakoutTimeNotice> BreakoutExtended { get; } = new();
    public Inbox<BreakoutEndedNotice> BreakoutEnded { get; } = new();
    public Inbox<PartnerLeftNotice> PartnerLeft { get; } = new();
    public Inbox<PartnerConnectionNotice> PartnerConnection { get; } = new();
    public Inbox<ExtensionProposedNotice> ExtensionProposed { get; } = new();
    public Inbox<BreakoutChatMessage> BreakoutChat { get; } = new();
    public Inbox<Announcement> BreakoutBroadcast { get; } = new();
    public Inbox<FollowUpMatch> FollowUpMatched { get; } = new();
    public Inbox<CallSignalNotice> CallSignals { get; } = new();
    public Inbox<BreakoutOverview> Overviews { get; } = new();
    public Inbox<CoffeeDate> CoffeeDates { get; } = new();
    public Inbox<CoffeeDate> CoffeeReminders { get; } = new();

    public Inbox<LiveEndedNotice> LiveEnded { get; } = new();

    public Inbox<FollowUpRequestNotice> FollowUpRequested { get; } = new();

    /// <summary>Waits until a presence message says this attendee is present (joined or updated).</summary>
    public Task<PresenceChange> WaitUntilSeesPresent(string attendeeId) =>
        Presence.WaitFor(p => p.Joined.Any(a => a.Id == attendeeId) || p.Updated.Any(a => a.Id == attendeeId));

    public Task<PresenceChange> WaitUntilSeesLeft(string attendeeId) =>
        Presence.WaitFor(p => p.Left.Contains(attendeeId));

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
