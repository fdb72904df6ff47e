using System.Collections.Concurrent;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Breakouts;

namespace NetwerkLive.Server.Storage;

/// <summary>What a reload needs from the breakouts: group chats, the latest broadcast, whom someone met and asked.</summary>
internal sealed partial class InMemoryBreakoutStore
{
    private readonly ConcurrentDictionary<string, Extras> _extras = new(StringComparer.Ordinal);

    public Task AppendBreakoutChatAsync(string eventId, BreakoutChatMessage message, CancellationToken ct = default)
    {
        var slot = _states.GetOrAdd(eventId, static _ => new Slot());
        activity.Touch(eventId);
        // Under the state's lock: a message that comes in just after its group ended is not kept for a group that is gone.
        lock (slot)
        {
            if (!slot.State.Groups.ContainsKey(message.GroupId))
            {
                return Task.CompletedTask;
            }
            var extras = _extras.GetOrAdd(eventId, static _ => new Extras());
            lock (extras)
            {
                if (!extras.Chats.TryGetValue(message.GroupId, out var chat))
                {
                    extras.Chats[message.GroupId] = chat = [];
                }
                chat.Add(message);
                if (chat.Count > BreakoutMemory.BreakoutChatKept)
                {
                    chat.RemoveRange(0, chat.Count - BreakoutMemory.BreakoutChatKept);
                }
            }
        }
        return Task.CompletedTask;
    }

    public Task SetBroadcastAsync(string eventId, Announcement broadcast, CancellationToken ct = default)
    {
        var extras = _extras.GetOrAdd(eventId, static _ => new Extras());
        activity.Touch(eventId);
        lock (extras)
        {
            extras.Broadcast = broadcast;
        }
        return Task.CompletedTask;
    }

    public Task<BreakoutMemory> RecallAsync(string eventId, string attendeeId, string? groupId, CancellationToken ct = default)
    {
        IReadOnlyList<BreakoutChatMessage> chat = [];
        Announcement? broadcast = null;
        if (groupId is not null && _extras.TryGetValue(eventId, out var extras))
        {
            lock (extras)
            {
                chat = extras.Chats.TryGetValue(groupId, out var messages) ? [.. messages] : [];
                broadcast = extras.Broadcast;
            }
        }
        List<string> met = [];
        if (_meetings.TryGetValue(eventId, out var log))
        {
            lock (log)
            {
                // The log is in the order meetings were recorded: the first meeting with someone places them.
                met = [.. log.Meetings
                    .Select(m => m.A == attendeeId ? m.B : m.B == attendeeId ? m.A : null)
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal)];
            }
        }
        List<string> asked = [], matched = [];
        if (_followUps.TryGetValue(eventId, out var followUps))
        {
            lock (followUps)
            {
                foreach (var (from, to) in followUps.Requests.Where(r => r.From == attendeeId).OrderBy(r => r.To, StringComparer.Ordinal))
                {
                    (followUps.Mutual.Contains(Breakouts.Pairing.PairKey.Of(from, to)) ? matched : asked).Add(to);
                }
            }
        }
        return Task.FromResult(new BreakoutMemory(met, asked, matched, chat, broadcast));
    }

    /// <summary>A group's private chat lives while the group does.</summary>
    private void ForgetChatsOfEndedGroups(string eventId, BreakoutState before, BreakoutState after)
    {
        if (!_extras.TryGetValue(eventId, out var extras))
        {
            return;
        }
        lock (extras)
        {
            foreach (var groupId in before.Groups.Keys.Where(g => !after.Groups.ContainsKey(g)))
            {
                extras.Chats.Remove(groupId);
            }
        }
    }

    private sealed class Extras
    {
        public Dictionary<string, List<BreakoutChatMessage>> Chats { get; } = new(StringComparer.Ordinal);

        public Announcement? Broadcast { get; set; }
    }
}
