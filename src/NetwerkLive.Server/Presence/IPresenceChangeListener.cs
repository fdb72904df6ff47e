namespace NetwerkLive.Server.Presence;

/// <summary>
/// Told whenever who is in an event's room changes: someone joined, left, lost their last connection or came back,
/// or became open or closed for networking. Called on the request path: an implementation only notes it.
/// </summary>
public interface IPresenceChangeListener
{
    void OnPresenceChanged(string eventId);
}
