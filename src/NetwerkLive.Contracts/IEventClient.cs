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
}
