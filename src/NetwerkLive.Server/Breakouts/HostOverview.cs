using NetwerkLive.Contracts;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// Builds the host's <see cref="BreakoutOverview"/> from the store: the breakout state, who is present (and connected)
/// and the attendee records (names and companies; contacts never). Four reads whatever the event's size.
/// </summary>
public sealed class HostOverview(IEventStore events, IPresenceStore presence, IBreakoutStore store, TimeProvider time)
{
    public async Task<BreakoutOverview> BuildAsync(EventRecord ev)
    {
        var state = await store.GetAsync(ev.EventId);
        var present = await presence.GetAsync(ev.EventId, int.MaxValue);
        var presentIds = present.Attendees.Select(a => a.AttendeeId);
        var groupMembers = state.Groups.Values.SelectMany(g => g.Members).ToList();
        // One status read covers everyone who may be listed: the present (in join order) and group members who are not.
        var ids = presentIds.Concat(groupMembers).Concat(state.Groups.Values.SelectMany(g => g.Left)).Distinct(StringComparer.Ordinal).ToList();
        var status = await presence.GetStatusAsync(ev.EventId, ids);
        var records = (await events.GetAttendeesAsync(ev.EventId, ids)).ToDictionary(r => r.AttendeeId, StringComparer.Ordinal);
        return Compose(state, [.. present.Attendees.Select(a => a.AttendeeId)], status, records, time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// The overview as plain data: <paramref name="presentInOrder"/> are the present attendees by join time, <paramref name="status"/>
    /// whether each present one is connected. One rule for "waiting" and for the counts, so the counts agree with the lists.
    /// </summary>
    public static BreakoutOverview Compose(BreakoutState state, IReadOnlyList<string> presentInOrder, IReadOnlyDictionary<string, PresenceStatus> status,
        IReadOnlyDictionary<string, AttendeeRecord> records, long now)
    {
        var round = state.RunningRound;
        var people = presentInOrder
            .Select(id => records.GetValueOrDefault(id))
            .OfType<AttendeeRecord>()
            .Where(r => !r.IsHost && !r.Removed)
            .ToList();
        var open = people.Where(r => r.Available).ToList();
        var satOut = round?.SatOut ?? [];

        // The round's own queue first, then the coffee queue, then everyone else who is open, by join time.
        var waitingIds = open
            .Where(r => state.Waits(r.AttendeeId, open: true))
            .Select(r => r.AttendeeId)
            .OrderBy(id => Rank(round?.Waiting, id))
            .ThenBy(id => Rank(state.CoffeeQueue, id))
            .ToList();
        var waiting = waitingIds.Select(id => Person(records[id])).ToArray();
        var sat = people.Where(r => satOut.Contains(r.AttendeeId) && state.GroupOf(r.AttendeeId) is null).Select(Person).ToArray();

        var groups = state.Groups.Values
            .Where(g => !g.IsDate) // a private coffee: only the report counts it
            .OrderBy(g => g.StartedAt)
            .ThenBy(g => g.GroupId, StringComparer.Ordinal)
            .Select(g => Group(g, status, records))
            .ToArray();
        var inBreakouts = groups.Sum(g => g.Members.Count(m => m.State != MemberStates.Left));

        return new BreakoutOverview(
            round is null ? null : new OverviewRound(round.RoundId, state.RoundCounter, round.StartedAt, round.EndsAt, round.GroupSize),
            groups,
            waiting,
            sat,
            new OverviewCounts(people.Count, open.Count, inBreakouts, waiting.Length),
            now);
    }

    private static int Rank(List<string>? queue, string id) => queue?.IndexOf(id) is >= 0 and var i ? i : int.MaxValue;

    private static OverviewGroup Group(GroupState group, IReadOnlyDictionary<string, PresenceStatus> status, IReadOnlyDictionary<string, AttendeeRecord> records)
    {
        // Someone let go by presence but still kept in the group (the reconnect grace) has lost their connection too.
        var members = group.Members.Select(id => Member(id, status.TryGetValue(id, out var s) && s.Connected ? MemberStates.InGroup : MemberStates.ConnectionLost, records))
            .Concat(group.Left.Where(id => !group.Members.Contains(id)).Select(id => Member(id, MemberStates.Left, records)))
            .ToArray();
        return new OverviewGroup(group.GroupId, group.RoundId, group.IsCoffee ? GroupKinds.Coffee : GroupKinds.Round, group.StartedAt, group.EndsAt,
            members, [.. group.Members.Where(group.ExtensionVotes.Contains)]);
    }

    private static OverviewMember Member(string id, string state, IReadOnlyDictionary<string, AttendeeRecord> records) =>
        records.TryGetValue(id, out var r) ? new OverviewMember(id, r.DisplayName, r.Company, state) : new OverviewMember(id, "", null, state);

    private static OverviewPerson Person(AttendeeRecord r) => new(r.AttendeeId, r.DisplayName, r.Company);
}
