using NetwerkLive.Contracts;
using NetwerkLive.Server.Breakouts.Pairing;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>What someone's breakouts left them, as Join() gives it back so a reload shows the page as it was.</summary>
public sealed record Recalled(BreakoutChatMessage[] BreakoutChat, Announcement? Broadcast, FollowUpState FollowUps, Attendee[] Met);

/// <summary>
/// Reads what a returning attendee's breakouts left them: the current group's chat and the broadcast it got, their
/// follow-ups (with the contacts received, and coffee requests from the board), and the people they met. One store read, and three more read together
/// only when there is someone to show. A block wins here as everywhere: someone blocked either way is left out.
/// </summary>
public sealed class BreakoutRecall(IBreakoutStore store, IEventStore events, IPresenceStore presence)
{
    public async Task<Recalled> RecallAsync(EventRecord ev, AttendeeRecord self, GroupState? group)
    {
        var memory = await store.RecallAsync(ev.EventId, self.AttendeeId, group?.GroupId);
        var requestedBy = (await store.GetCoffeeRequestsToAsync(ev.EventId, self.AttendeeId)).Except(memory.Matched, StringComparer.Ordinal).ToList();
        // The broadcast is the event's latest: the group saw it only if it was sent while the group existed.
        var broadcast = group is not null && memory.Broadcast is { } latest && latest.SentAt >= group.StartedAt ? latest : null;
        var ids = memory.Met.Concat(memory.Asked).Concat(memory.Matched).Concat(requestedBy).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Recalled([.. memory.Chat], broadcast, FollowUpState.None, []);
        }

        var recordsRead = events.GetAttendeesAsync(ev.EventId, ids);
        var blocksRead = store.GetBlocksAsync(ev.Series);
        var joinedRead = presence.GetJoinedAtAsync(ev.EventId, ids);
        var records = (await recordsRead).ToDictionary(r => r.AttendeeId, StringComparer.Ordinal);
        var blocks = await blocksRead;
        var joined = await joinedRead;

        AttendeeRecord? Shown(string id) =>
            records.TryGetValue(id, out var other) && !KeptApart.Between(blocks, self, other)
                ? other
                : null;
        Attendee Dto(AttendeeRecord other) => other.ToDto(joined.TryGetValue(other.AttendeeId, out var at) ? at : other.RegisteredAt);

        var asked = memory.Asked.Where(id => Shown(id) is not null).ToArray();
        var matched = memory.Matched.Select(Shown).OfType<AttendeeRecord>().Select(other => new FollowUpMatch(Dto(other), other.Contact)).ToArray();
        var met = memory.Met.Select(Shown).OfType<AttendeeRecord>().Select(Dto).ToArray();
        return new Recalled([.. memory.Chat], broadcast,
            new FollowUpState(asked, matched) { RequestedBy = [.. requestedBy.Select(Shown).OfType<AttendeeRecord>().Select(Dto)] }, met);
    }
}
