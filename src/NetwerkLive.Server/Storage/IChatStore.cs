using NetwerkLive.Contracts;

namespace NetwerkLive.Server.Storage;

/// <summary>An event's chat log. Seq numbers start at 1 and grow by one per message in an event.</summary>
public interface IChatStore
{
    /// <summary>
    /// Stores a message under the next seq, publishes it on the feed (see <see cref="SubscribeAsync"/>) and
    /// returns it. Older messages beyond the retention are dropped.
    /// </summary>
    Task<ChatMessage> AppendAsync(string eventId, string senderId, string senderName, string text, long sentAt, CancellationToken ct = default);

    /// <summary>The newest <paramref name="count"/> messages, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> GetLatestAsync(string eventId, int count, CancellationToken ct = default);

    /// <summary>Messages with seq above <paramref name="afterSeq"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ChatMessage>> GetSinceAsync(string eventId, long afterSeq, int limit, CancellationToken ct = default);

    /// <summary>
    /// Calls <paramref name="onAppended"/> for every message appended from now on, by any node, one call at a
    /// time and in seq order per event (seq allocation and publication are one atomic step). Delivery is at
    /// most once: a node cut off from the store misses what was appended meanwhile (clients catch up with
    /// GetChatSince). Called once per node at start-up.
    /// </summary>
    Task SubscribeAsync(Func<string, ChatMessage, Task> onAppended, CancellationToken ct = default);

    /// <summary>Deletes a message. False when there is no such message (never sent, already deleted or expired).</summary>
    Task<bool> DeleteAsync(string eventId, long seq, CancellationToken ct = default);

    /// <summary>Keeps <paramref name="announcement"/> as the event's latest host announcement, in place of the one before.</summary>
    Task SetAnnouncementAsync(string eventId, Announcement announcement, CancellationToken ct = default);

    /// <summary>The event's latest host announcement, or null when the host made none.</summary>
    Task<Announcement?> GetAnnouncementAsync(string eventId, CancellationToken ct = default);
}
