using MessagePack;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// All breakout state of one event in one document: the host round, the live groups (round and coffee
/// groups), who is in which, and the coffee queue. The store hands out copies and saves them whole,
/// so a change is atomic (and on Redis, compare-and-set by <see cref="Version"/>).
/// </summary>
[MessagePackObject]
public sealed class BreakoutState
{
    [Key(0)] public long Version { get; set; }

    /// <summary>The current host round, or the last one (then <see cref="RoundState.Ended"/>).</summary>
    [Key(1)] public RoundState? Round { get; set; }

    [Key(2)] public Dictionary<string, GroupState> Groups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>attendeeId → groupId for everyone in a live group.</summary>
    [Key(3)] public Dictionary<string, string> MemberOf { get; set; } = new(StringComparer.Ordinal);

    [Key(4)] public List<string> CoffeeQueue { get; set; } = [];

    [Key(5)] public List<RoundSummary> PastRounds { get; set; } = [];

    [Key(6)] public int RoundCounter { get; set; }

    /// <summary>When the breakouts of the event next need attention (epoch ms): a warning, an end. Null when nothing is pending.</summary>
    [Key(7)] public long? NextDueAt { get; set; }

    /// <summary>Coffee chats whose call connected (each coffee chat is a group of its own), for the report.</summary>
    [Key(8)] public int CoffeeChatsWithCall { get; set; }

    /// <summary>Groups (round and coffee) made with two complementary members (see <see cref="RoundPlanner.NoteAskOfferMatch"/>).</summary>
    [Key(9)] public int AskOfferMatches { get; set; }

    [IgnoreMember] public RoundState? RunningRound => Round is { Ended: false } round ? round : null;

    /// <summary>
    /// Whether someone waits for a partner: open for networking (<paramref name="open"/>: presence and the record are not in
    /// this document, the caller read them), in no group, and not sat out of the running round; the coffee queue waits too.
    /// The one rule behind the host's overview (its "waiting") and the host's steering (who may be paired or moved).
    /// </summary>
    public bool Waits(string attendeeId, bool open) => open && GroupOf(attendeeId) is null && RunningRound?.SatOut.Contains(attendeeId) != true;

    public GroupState? GroupOf(string attendeeId) =>
        MemberOf.TryGetValue(attendeeId, out var groupId) && Groups.TryGetValue(groupId, out var group) ? group : null;

    public void AddGroup(GroupState group)
    {
        Groups[group.GroupId] = group;
        foreach (var member in group.Members)
        {
            MemberOf[member] = group.GroupId;
        }
    }

    public void AddMember(GroupState group, string attendeeId)
    {
        group.Members.Add(attendeeId);
        group.Left.Remove(attendeeId);
        MemberOf[attendeeId] = group.GroupId;
    }

    /// <summary>Takes the attendee out of their group (noted there as having left); returns the group (still holding the others).</summary>
    public GroupState? RemoveMember(string attendeeId)
    {
        var group = GroupOf(attendeeId);
        if (group is null)
        {
            return null;
        }
        group.Members.Remove(attendeeId);
        group.Left.Add(attendeeId);
        group.ExtensionVotes.Remove(attendeeId);
        MemberOf.Remove(attendeeId);
        return group;
    }

    /// <summary>
    /// A member's call in <paramref name="group"/> connected: the group is marked, and counted at once where the
    /// report reads it (its round, also when that round has ended, or the coffee chats), so the count outlives the
    /// group. Idempotent: false when the group was counted already. A round group placed again with the same
    /// people is the same group in the report (<see cref="GroupState.Formed"/>), so it is counted once.
    /// </summary>
    public bool RecordCallConnected(GroupState group)
    {
        if (group.CallConnected)
        {
            return false;
        }
        group.CallConnected = true;
        if (group.IsCoffee)
        {
            CoffeeChatsWithCall++;
            return true;
        }
        if (Round?.RoundId == group.RoundId)
        {
            Round.FormedWithCall.Add(group.Formed);
        }
        PastRounds.Find(r => r.RoundId == group.RoundId)?.FormedWithCall.Add(group.Formed);
        return true;
    }

    public void RemoveGroup(GroupState group)
    {
        Groups.Remove(group.GroupId);
        foreach (var member in group.Members)
        {
            MemberOf.Remove(member);
        }
    }
}

[MessagePackObject]
public sealed class RoundState
{
    [Key(0)] public required string RoundId { get; set; }
    [Key(1)] public long StartedAt { get; set; }
    [Key(2)] public long EndsAt { get; set; }
    [Key(3)] public int GroupSize { get; set; }
    [Key(4)] public int Seed { get; set; }
    [Key(5)] public bool Ended { get; set; }
    [Key(6)] public long? EndedAt { get; set; }

    /// <summary>Available attendees with nobody to meet yet, in the order they became free.</summary>
    [Key(7)] public List<string> Waiting { get; set; } = [];

    /// <summary>Who left this round early: not placed again until the next round.</summary>
    [Key(8)] public HashSet<string> SatOut { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Everyone ever placed in this round, for the report.</summary>
    [Key(9)] public HashSet<string> Participants { get; set; } = new(StringComparer.Ordinal);

    [Key(10)] public int GroupCount { get; set; }

    [Key(11)] public List<List<string>> GroupsFormed { get; set; } = [];

    /// <summary>Indexes into <see cref="GroupsFormed"/> of the groups whose call connected.</summary>
    [Key(12)] public HashSet<int> FormedWithCall { get; set; } = [];

    /// <summary>Which of <see cref="GroupsFormed"/> were counted in <see cref="BreakoutState.AskOfferMatches"/> (each once).</summary>
    [Key(13)] public HashSet<int> FormedWithAskOfferMatch { get; set; } = [];
}

[MessagePackObject]
public sealed class GroupState
{
    [Key(0)] public required string GroupId { get; set; }

    /// <summary>The host round's id, or "coffee-…" for a coffee-queue match.</summary>
    [Key(1)] public required string RoundId { get; set; }

    [Key(2)] public string? MeetingUrl { get; set; }
    [Key(3)] public List<string> Members { get; set; } = [];
    [Key(4)] public long EndsAt { get; set; }
    [Key(5)] public bool WarningSent { get; set; }
    [Key(6)] public HashSet<string> ExtensionVotes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When the group was formed (epoch ms): a host broadcast sent before it was not meant for it.</summary>
    [Key(7)] public long StartedAt { get; set; }

    /// <summary>A member's in-page call connected to a partner (ReportCallConnected).</summary>
    [Key(8)] public bool CallConnected { get; set; }

    /// <summary>Which of its round's <see cref="RoundState.GroupsFormed"/> this group is; -1 for a coffee chat.</summary>
    [Key(9)] public int Formed { get; set; } = -1;

    /// <summary>Who was in the group and left it early (or was moved away), oldest first: the host's overview lists them as "left".</summary>
    [Key(10)] public List<string> Left { get; set; } = [];

    /// <summary>Two of its members were complementary (one's ask matched another's offer) when they were grouped.</summary>
    [Key(11)] public bool AskOfferMatch { get; set; }

    [IgnoreMember] public bool IsCoffee => RoundId.StartsWith(BreakoutIds.CoffeePrefix, StringComparison.Ordinal);
}

[MessagePackObject]
public sealed class RoundSummary
{
    [Key(0)] public required string RoundId { get; set; }
    [Key(1)] public long StartedAt { get; set; }
    [Key(2)] public long EndedAt { get; set; }
    [Key(3)] public int GroupCount { get; set; }
    [Key(4)] public int ParticipantCount { get; set; }
    [Key(5)] public List<List<string>> Groups { get; set; } = [];

    /// <summary>As <see cref="RoundState.FormedWithCall"/>: a group that outlived its round (it extended itself) still counts.</summary>
    [Key(6)] public HashSet<int> FormedWithCall { get; set; } = [];
}

public static class BreakoutIds
{
    public const string CoffeePrefix = "coffee-";
}
