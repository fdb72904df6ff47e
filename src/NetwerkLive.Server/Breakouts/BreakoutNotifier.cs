using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// Tells people what a saved breakout change means for them, and remembers who met. Breakout messages
/// go to users (attendee ids), never to groups, so only a group's members can read its messages.
/// </summary>
public sealed class BreakoutNotifier(IEventStore events, IPresenceStore presence, IBreakoutStore store, AttendeeMessenger messenger,
    IHubContext<EventHub, IEventClient> hub, HostOverviewPublisher overview)
{
    public async Task ApplyAsync(EventRecord ev, BreakoutEffects fx, long now)
    {
        // Every saved breakout change comes through here: the host's overview follows it (built from the saved state).
        overview.Request(ev.EventId);
        // Endings first: someone left alone hears that their group is over before they hear they wait
        // or have a new group, as clients show the latest news (and the contract says a new group follows).
        foreach (var (members, notice) in fx.PartnerLeft)
        {
            await messenger.SendAsync(members, client => client.PartnerLeft(notice));
        }
        foreach (var (members, notice) in fx.Ended)
        {
            await messenger.SendAsync(members, client => client.BreakoutEnded(notice));
        }
        if (fx.Met.Count > 0 || fx.Started.Count > 0)
        {
            var ids = fx.Started.SelectMany(g => g.Members.Concat(g.Pair)).Concat(fx.Met.SelectMany(m => new[] { m.A, m.B })).Distinct(StringComparer.Ordinal).ToList();
            var people = (await events.GetAttendeesAsync(ev.EventId, ids)).ToDictionary(r => r.AttendeeId, StringComparer.Ordinal);
            await RecordMeetingsAsync(ev, fx, people, now);
            if (fx.Started.Count > 0)
            {
                // One read for everyone's join time, then every assignment at once: a 2,000-person round
                // start is two store reads and 2,000 direct writes, not 2,000 reads one after the other.
                var joined = await presence.GetStatusAsync(ev.EventId, ids);
                await Task.WhenAll(fx.Started.SelectMany(group => group.Members.Select(member =>
                    messenger.SendAsync(member, client => client.BreakoutStarted(Assignment(group, member, people, joined))))));
            }
        }
        foreach (var (attendeeId, notice) in fx.Waiting)
        {
            await messenger.SendAsync(attendeeId, client => client.BreakoutWaiting(notice));
        }
        foreach (var (members, notice) in fx.Ending)
        {
            await messenger.SendAsync(members, client => client.BreakoutEnding(notice));
        }
        foreach (var (members, notice) in fx.Extended)
        {
            await messenger.SendAsync(members, client => client.BreakoutExtended(notice));
        }
        foreach (var (members, notice) in fx.ExtensionProposed)
        {
            await messenger.SendAsync(members, client => client.ExtensionProposed(notice));
        }
        if (fx.RoundStarted is { } started)
        {
            await hub.Clients.Group(EventGroups.Room(ev.EventId)).RoundStarted(started);
        }
        if (fx.RoundEnded is { } ended)
        {
            await hub.Clients.Group(EventGroups.Room(ev.EventId)).RoundEnded(ended);
        }
    }

    /// <summary>Both asked to meet again: each gets the other's contact, and only they do.</summary>
    public async Task FollowUpMatchedAsync(AttendeeRecord a, AttendeeRecord b)
    {
        var aJoined = await presence.GetJoinedAtAsync(a.EventId, a.AttendeeId) ?? a.RegisteredAt;
        var bJoined = await presence.GetJoinedAtAsync(b.EventId, b.AttendeeId) ?? b.RegisteredAt;
        await messenger.SendAsync(a.AttendeeId, client => client.FollowUpMatched(new FollowUpMatch(b.ToDto(bJoined), b.Contact)));
        await messenger.SendAsync(b.AttendeeId, client => client.FollowUpMatched(new FollowUpMatch(a.ToDto(aJoined), a.Contact)));
    }

    /// <summary>A coffee request from the board: the receiver learns who asked (their public card, never a contact).</summary>
    public async Task CoffeeRequestedAsync(AttendeeRecord asker, AttendeeRecord receiver)
    {
        var joined = await presence.GetJoinedAtAsync(asker.EventId, asker.AttendeeId) ?? asker.RegisteredAt;
        await messenger.SendAsync(receiver.AttendeeId, client => client.FollowUpRequested(new FollowUpRequestNotice(asker.ToDto(joined))));
    }

    /// <summary>The assignment as one member sees it: everyone else in the group is a partner.</summary>
    public async Task<BreakoutAssignment> AssignmentAsync(string eventId, GroupState group, string attendeeId)
    {
        var partnerIds = group.Members.Union(group.Pair).Where(m => m != attendeeId).ToList();
        var records = (await events.GetAttendeesAsync(eventId, partnerIds)).ToDictionary(r => r.AttendeeId, StringComparer.Ordinal);
        return Assignment(group, attendeeId, records, await presence.GetStatusAsync(eventId, partnerIds));
    }

    /// <summary>A partner not present at all (let go by presence, still in the group for the reconnect grace) has lost their connection too.</summary>
    private static BreakoutAssignment Assignment(GroupState group, string attendeeId,
        Dictionary<string, AttendeeRecord> records, IReadOnlyDictionary<string, PresenceStatus> status)
    {
        var partners = new List<Attendee>();
        var lost = new List<string>();
        // A coffee room lists the other of its pair before they entered, with a lost connection until they do.
        foreach (var member in group.Members.Union(group.Pair))
        {
            if (member != attendeeId && records.TryGetValue(member, out var record))
            {
                var present = status.TryGetValue(member, out var s);
                partners.Add(record.ToDto(present ? s.JoinedAt : record.RegisteredAt));
                if (!present || !s.Connected || !group.Members.Contains(member))
                {
                    lost.Add(member);
                }
            }
        }
        return new BreakoutAssignment(group.RoundId, group.GroupId, [.. partners], group.EndsAt, group.MeetingUrl) { ConnectionLost = [.. lost] };
    }

    private Task RecordMeetingsAsync(EventRecord ev, BreakoutEffects fx, Dictionary<string, AttendeeRecord> people, long now)
    {
        var meetings = new List<Meeting>(fx.Met.Count);
        foreach (var (roundId, a, b) in fx.Met)
        {
            if (people.TryGetValue(a, out var ra) && people.TryGetValue(b, out var rb) && ra.PersonId != rb.PersonId)
            {
                var cross = ra.CompanyKey is not null && rb.CompanyKey is not null && ra.CompanyKey != rb.CompanyKey;
                meetings.Add(new Meeting(roundId, a, b, ra.PersonId, rb.PersonId, cross, New: true, now));
            }
        }
        return meetings.Count == 0 ? Task.CompletedTask : MarkNewAndRecordAsync(ev, meetings);
    }

    // A meeting is new when the two people had not met before anywhere in the series.
    private async Task MarkNewAndRecordAsync(EventRecord ev, List<Meeting> meetings)
    {
        var before = await store.GetSeriesMeetingsAsync(ev.Series);
        var marked = meetings
            .Select(m => m with { New = !before.Contains(Pairing.PairKey.Of(m.PersonA, m.PersonB)) })
            .ToList();
        await store.RecordMeetingsAsync(ev.EventId, ev.Series, marked);
    }
}
