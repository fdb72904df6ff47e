using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;

namespace NetwerkLive.Server.Storage;

/// <summary>
/// Keeps the newest <see cref="RoomOptions.ChatRetention"/> messages of each event, ordered by seq. The feed
/// is a queue filled under the same lock that gives out the seq, read by one subscriber.
/// </summary>
internal sealed class InMemoryChatStore(IOptions<RoomOptions> options, EventActivity activity) : IChatStore, IDisposable
{
    private readonly int _retention = options.Value.ChatRetention;
    private readonly ConcurrentDictionary<string, Log> _logs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Announcement> _announcements = new(StringComparer.Ordinal);
    private readonly Channel<(string EventId, ChatMessage Message)> _feed =
        Channel.CreateUnbounded<(string, ChatMessage)>(new UnboundedChannelOptions { SingleReader = true });
    private int _subscribed;

    public Task<ChatMessage> AppendAsync(string eventId, string senderId, string senderName, string text, long sentAt, CancellationToken ct = default)
    {
        var log = _logs.GetOrAdd(eventId, static _ => new Log());
        activity.Touch(eventId);
        lock (log)
        {
            var message = new ChatMessage(++log.LastSeq, senderId, senderName, text, sentAt);
            log.Messages.Add(message);
            if (Volatile.Read(ref _subscribed) == 1)
            {
                _feed.Writer.TryWrite((eventId, message));
            }
            if (log.Messages.Count > _retention)
            {
                log.Messages.RemoveRange(0, log.Messages.Count - _retention);
            }
            return Task.FromResult(message);
        }
    }

    public Task<IReadOnlyList<ChatMessage>> GetLatestAsync(string eventId, int count, CancellationToken ct = default)
    {
        if (count <= 0 || !_logs.TryGetValue(eventId, out var log))
        {
            return Task.FromResult<IReadOnlyList<ChatMessage>>([]);
        }
        lock (log)
        {
            var skip = Math.Max(0, log.Messages.Count - count);
            return Task.FromResult<IReadOnlyList<ChatMessage>>(log.Messages.GetRange(skip, log.Messages.Count - skip));
        }
    }

    public Task<IReadOnlyList<ChatMessage>> GetSinceAsync(string eventId, long afterSeq, int limit, CancellationToken ct = default)
    {
        if (limit <= 0 || !_logs.TryGetValue(eventId, out var log))
        {
            return Task.FromResult<IReadOnlyList<ChatMessage>>([]);
        }
        lock (log)
        {
            var start = FirstIndexAfter(log.Messages, afterSeq);
            var take = Math.Min(limit, log.Messages.Count - start);
            return Task.FromResult<IReadOnlyList<ChatMessage>>(log.Messages.GetRange(start, take));
        }
    }

    public Task SubscribeAsync(Func<string, ChatMessage, Task> onAppended, CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 1)
        {
            throw new InvalidOperationException("The in-memory chat feed has one subscriber (this node's chat relay).");
        }
        _ = Task.Run(async () =>
        {
            await foreach (var (eventId, message) in _feed.Reader.ReadAllAsync())
            {
                await onAppended(eventId, message);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public void Dispose() => _feed.Writer.TryComplete();

    public void Forget(string eventId)
    {
        _logs.TryRemove(eventId, out _);
        _announcements.TryRemove(eventId, out _);
    }

    public Task SetAnnouncementAsync(string eventId, Announcement announcement, CancellationToken ct = default)
    {
        activity.Touch(eventId);
        _announcements[eventId] = announcement;
        return Task.CompletedTask;
    }

    public Task<Announcement?> GetAnnouncementAsync(string eventId, CancellationToken ct = default) =>
        Task.FromResult(_announcements.TryGetValue(eventId, out var announcement) ? announcement : null);

    public Task<bool> DeleteAsync(string eventId, long seq, CancellationToken ct = default)
    {
        if (!_logs.TryGetValue(eventId, out var log))
        {
            return Task.FromResult(false);
        }
        lock (log)
        {
            var index = FirstIndexAfter(log.Messages, seq - 1);
            if (index < log.Messages.Count && log.Messages[index].Seq == seq)
            {
                log.Messages.RemoveAt(index);
                return Task.FromResult(true);
            }
            return Task.FromResult(false);
        }
    }

    // Messages are sorted by seq, with gaps where some were deleted: binary search for the first seq > afterSeq.
    private static int FirstIndexAfter(List<ChatMessage> messages, long afterSeq)
    {
        int lo = 0, hi = messages.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (messages[mid].Seq <= afterSeq)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private sealed class Log
    {
        public long LastSeq { get; set; }

        public List<ChatMessage> Messages { get; } = [];
    }
}
