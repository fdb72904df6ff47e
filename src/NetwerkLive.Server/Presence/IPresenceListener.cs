namespace NetwerkLive.Server.Presence;

/// <summary>Told when someone leaves an event's room, so features can let go of them.</summary>
public interface IPresenceListener
{
    /// <param name="evicted">True when the host removed them (no grace: they are not coming back).</param>
    Task OnLeftAsync(string eventId, string attendeeId, bool evicted);

    /// <summary>
    /// The attendee's last connection (on any node) closed: they are still present, for the grace period, and may
    /// come back. Told once per loss, at once, by the node where it happened.
    /// </summary>
    Task OnConnectionLostAsync(string eventId, string attendeeId);
}
