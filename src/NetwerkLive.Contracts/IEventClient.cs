namespace NetwerkLive.Contracts;

/// <summary>What the server calls on every connected client of the event hub.</summary>
public interface IEventClient
{
    /// <summary>Coalesced presence changes: at most about one per second per event.</summary>
    Task PresenceChanged(PresenceChange change);

    Task ChatReceived(ChatMessage message);

    Task ChatDeleted(long seq);

    Task Announcement(Announcement announcement);

    /// <summary>The host removed this attendee; the server closes the connection right after.</summary>
    Task Removed(RemovedNotice notice);

    /// <summary>To everyone in the event: a host round started.</summary>
    Task RoundStarted(RoundNotice round);

    /// <summary>To everyone in the event: the host round ended.</summary>
    Task RoundEnded(RoundEndedNotice round);

    /// <summary>To a participant: their group, partners, end time and meeting link.</summary>
    Task BreakoutStarted(BreakoutAssignment assignment);

    /// <summary>To an available attendee with nobody to meet yet: they are placed as soon as someone comes.</summary>
    Task BreakoutWaiting(BreakoutWaitingNotice notice);

    /// <summary>One minute before the end of the participant's breakout.</summary>
    Task BreakoutEnding(BreakoutTimeNotice notice);

    /// <summary>The breakout has a new end time (the host extended the round, or the whole group asked).</summary>
    Task BreakoutExtended(BreakoutTimeNotice notice);

    Task BreakoutEnded(BreakoutEndedNotice notice);

    /// <summary>A partner left the group; a new BreakoutStarted follows if someone else is free.</summary>
    Task PartnerLeft(PartnerLeftNotice notice);

    /// <summary>
    /// A partner's last connection closed (connected false, at once: they keep their place for the reconnect
    /// grace) or they came back (connected true).
    /// </summary>
    Task PartnerConnection(PartnerConnectionNotice notice);

    Task ExtensionProposed(ExtensionProposedNotice notice);

    /// <summary>A private message within the participant's group.</summary>
    Task BreakoutChatReceived(BreakoutChatMessage message);

    /// <summary>The host's message to everyone in a breakout.</summary>
    Task BreakoutBroadcast(Announcement announcement);

    /// <summary>Both asked to meet again: the other's contact.</summary>
    Task FollowUpMatched(FollowUpMatch match);

    /// <summary>
    /// Host only: the whole live breakout overview, within a second of any change in the breakouts or in who is
    /// present and open (coalesced per event). Attendees never receive it.
    /// </summary>
    Task BreakoutOverview(BreakoutOverview overview);

    /// <summary>To everyone in the event: the host went live (the lobby before the start time becomes the room).</summary>
    Task EventLive(EventLiveNotice notice);

    /// <summary>A WebRTC signalling message from a partner in the current group (see <c>SendCallSignal</c>).</summary>
    Task CallSignal(CallSignalNotice notice);

    /// <summary>Someone who has not met the receiver asked them for a coffee from the board.</summary>
    Task FollowUpRequested(FollowUpRequestNotice notice);

    /// <summary>A coffee of the receiver changed (made, times proposed, agreed, cancelled, entered), as the receiver sees it.</summary>
    Task CoffeeDateChanged(CoffeeDate coffee);

    /// <summary>An agreed coffee's room has opened (<c>Coffees:RoomOpensBefore</c> before its start); sent once, to connections open then.</summary>
    Task CoffeeReminder(CoffeeDate coffee);

    /// <summary>The live part ended, or its replay or chat changed afterwards.</summary>
    Task LiveEnded(LiveEndedNotice notice);
}
