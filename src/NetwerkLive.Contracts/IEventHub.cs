namespace NetwerkLive.Contracts;

/// <summary>
/// The methods a client can invoke on <see cref="HubRoutes.Event"/>. The names are the wire names:
/// do not rename them, the browser client and integrators' code call them by these strings.
/// </summary>
public interface IEventHub
{
    /// <summary>Enters the live room of the event named by the token and returns a snapshot of it.</summary>
    Task<JoinResult> Join();

    /// <summary>Posts a chat message to everyone in the event; returns the stored message.</summary>
    Task<ChatMessage> SendChat(string text);

    /// <summary>Messages with a seq above <paramref name="afterSeq"/>, oldest first, at most <paramref name="limit"/> (capped at 200).</summary>
    Task<ChatMessage[]> GetChatSince(long afterSeq, int limit);

    /// <summary>Marks the caller as open (or not) for networking.</summary>
    Task SetAvailable(bool available);

    /// <summary>Host only: an announcement shown prominently to everyone.</summary>
    Task Announce(string text);

    /// <summary>Host only: removes a chat message for everyone.</summary>
    Task DeleteMessage(long seq);

    /// <summary>Host only: removes an attendee from the event; their token stops working.</summary>
    Task RemoveAttendee(string attendeeId);
}
