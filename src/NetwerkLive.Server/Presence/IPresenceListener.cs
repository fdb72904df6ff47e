namespace NetwerkLive.Server.Presence;

/// <summary>Told when someone leaves an event's room, so features can let go of them.</summary>
public interface IPresenceListener
{
    /// <param name="evicted">True when the host removed them (no grace: they are not coming back).</param>
    Task OnLeftAsync(string eventId, string attendeeId, bool evicted);
}
