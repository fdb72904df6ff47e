using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// Tells a group at once when a member's last connection closed and when they are back, so partners see
/// "connection lost" during the grace periods instead of nothing until the member is let go. The loss comes from
/// presence, where the last connection across all nodes closed (never from a timer); the return from Join().
/// </summary>
public sealed class PartnerConnections(IBreakoutStore store, IPresenceStore presence, AttendeeMessenger messenger)
{
    /// <summary>
    /// The attendee has no connection left: their partners hear it (connected false). Then presence is asked whether
    /// they are connected by now, and if so the partners hear that they are back: on several nodes the attendee can
    /// reconnect on another node while this one reads the group, and that node's "back" can reach the partners before
    /// this "lost". Asked after the loss was published, so any return it misses is published after the loss and
    /// arrives after it on the partner's channel; either way the partners' last word is the truth.
    /// </summary>
    public async Task LostAsync(string eventId, string attendeeId)
    {
        if ((await store.GetAsync(eventId)).GroupOf(attendeeId) is { } group)
        {
            await TellAsync(group.RoundId, group.GroupId, group.Members, attendeeId, connected: false);
            if ((await presence.GetStatusAsync(eventId, [attendeeId])).GetValueOrDefault(attendeeId).Connected)
            {
                await TellAsync(group.RoundId, group.GroupId, group.Members, attendeeId, connected: true);
            }
        }
    }

    /// <summary>The attendee is connected again and <paramref name="assignment"/> is their group: the partners hear it.</summary>
    public Task BackAsync(string attendeeId, BreakoutAssignment assignment) =>
        TellAsync(assignment.RoundId, assignment.GroupId, [.. assignment.Partners.Select(p => p.Id)], attendeeId, connected: true);

    /// <summary>The attendee is connected again (a node put its connections back): their partners, if any, hear it.</summary>
    public async Task BackAsync(string eventId, string attendeeId)
    {
        if ((await store.GetAsync(eventId)).GroupOf(attendeeId) is { } group)
        {
            await TellAsync(group.RoundId, group.GroupId, group.Members, attendeeId, connected: true);
        }
    }

    private Task TellAsync(string roundId, string groupId, IEnumerable<string> members, string attendeeId, bool connected)
    {
        var others = members.Where(m => m != attendeeId).ToList();
        var notice = new PartnerConnectionNotice(roundId, groupId, attendeeId, connected);
        return others.Count == 0 ? Task.CompletedTask : messenger.SendAsync(others, client => client.PartnerConnection(notice));
    }
}
