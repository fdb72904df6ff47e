using NetwerkLive.Contracts;

namespace NetwerkLive.Server.Storage;

/// <summary>An event's chat log. Seq numbers start at 1 and grow by one per message in an event.</summary>
public interface IChatStore
{
    /// <summary>Stores a message under the next seq and returns it. Older messages beyond the retention are dropped.</summary>
    Task<ChatMessage> AppendAsync(string eventId, string senderId, string senderName, string text, long sentAt, CancellationToken ct = default);

    /// <summary>The newest <paramref name="count"/> messages, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> GetLatestAsync(string eventId, int count, CancellationToken ct = default);

    /// <summary>Messages with seq above <paramref name="afterSeq"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ChatMessage>> GetSinceAsync(string eventId, long afterSeq, int limit, CancellationToken ct = default);

    /// <summary>Deletes a message. False when there is no such message (never sent, already deleted or expired).</summary>
    Task<bool> DeleteAsync(string eventId, long seq, CancellationToken ct = default);
}
