using NetwerkLive.Contracts;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// What a state change means for people: collected while the change runs (which may be retried), sent
/// once it is saved.
/// </summary>
public sealed class BreakoutEffects
{
    /// <summary>Groups whose members (all of them) must hear BreakoutStarted: new groups, or groups someone joined.</summary>
    public List<GroupState> Started { get; } = [];

    public List<(string AttendeeId, BreakoutWaitingNotice Notice)> Waiting { get; } = [];

    public List<(IReadOnlyList<string> Members, BreakoutEndedNotice Notice)> Ended { get; } = [];

    public List<(IReadOnlyList<string> Members, BreakoutTimeNotice Notice)> Ending { get; } = [];

    public List<(IReadOnlyList<string> Members, BreakoutTimeNotice Notice)> Extended { get; } = [];

    public List<(IReadOnlyList<string> Members, PartnerLeftNotice Notice)> PartnerLeft { get; } = [];

    public List<(IReadOnlyList<string> Members, ExtensionProposedNotice Notice)> ExtensionProposed { get; } = [];

    public RoundNotice? RoundStarted { get; set; }

    public RoundEndedNotice? RoundEnded { get; set; }

    /// <summary>New pairs that met, for history and the report (filled in by the service, which knows the people).</summary>
    public List<(string RoundId, string A, string B)> Met { get; } = [];

    public void GroupStarted(GroupState group)
    {
        Started.Add(group);
        for (var i = 0; i < group.Members.Count; i++)
        {
            for (var j = i + 1; j < group.Members.Count; j++)
            {
                Met.Add((group.RoundId, group.Members[i], group.Members[j]));
            }
        }
    }

    /// <summary>Someone joined an existing group: only their pairs are new meetings.</summary>
    public void MemberJoined(GroupState group, string attendeeId)
    {
        Started.Add(group);
        foreach (var other in group.Members)
        {
            if (other != attendeeId)
            {
                Met.Add((group.RoundId, attendeeId, other));
            }
        }
    }

    public bool IsEmpty =>
        Started.Count == 0 && Waiting.Count == 0 && Ended.Count == 0 && Ending.Count == 0 && Extended.Count == 0 &&
        PartnerLeft.Count == 0 && ExtensionProposed.Count == 0 && RoundStarted is null && RoundEnded is null;
}

/// <summary>Records of the people an operation concerns, and how well two of them fit.</summary>
public sealed class PeopleIndex(IReadOnlyDictionary<string, AttendeeRecord> records, Func<string, string, int?> penalty)
{
    public static readonly PeopleIndex Empty = new(new Dictionary<string, AttendeeRecord>(), (_, _) => 0);

    public IReadOnlyDictionary<string, AttendeeRecord> Records { get; } = records;

    /// <summary>How much worse it is to group these two (lower is better); null when they must never meet.</summary>
    public int? Penalty(string a, string b) => penalty(a, b);

    /// <summary>Whether one's ask matches the other's offer, either way (<see cref="Pairing.AskOfferMatch"/>).</summary>
    public bool AreComplementary(string a, string b) =>
        Records.TryGetValue(a, out var ra) && Records.TryGetValue(b, out var rb)
        && Pairing.AskOfferMatch.Complementary(ra.Ask, ra.Offer, rb.Ask, rb.Offer);
}
