namespace NetwerkLive.Server.Presence;

/// <summary>
/// Keeps presence messages of an event to one per interval across all nodes: a node may send only when it
/// opens the event's window. One node: always open (its coalescer already spaces its messages).
/// </summary>
public interface IPresenceWindow
{
    /// <summary>True when this node may send a presence message for the event now; it then holds the window for <paramref name="interval"/>.</summary>
    Task<bool> TryOpenAsync(string eventId, TimeSpan interval);
}

internal sealed class SingleNodePresenceWindow : IPresenceWindow
{
    public Task<bool> TryOpenAsync(string eventId, TimeSpan interval) => Task.FromResult(true);
}
