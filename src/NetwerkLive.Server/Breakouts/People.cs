using NetwerkLive.Server.Breakouts.Pairing;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>Builds the view of people that placements need: their records, who met or blocked whom in the series.</summary>
public sealed class People(IEventStore events, IBreakoutStore store)
{
    /// <summary>Penalty for meeting again: outweighs everything but a block.</summary>
    public const int RepeatPenalty = 1000;

    /// <summary>Penalty for colleagues: outweighs being complementary and any number of shared interests.</summary>
    public const int ColleaguePenalty = 100;

    /// <summary>Bonus for complementary people (<see cref="AskOfferMatch"/>): outweighs any number of shared interests.</summary>
    public const int ComplementBonus = 10;

    public async Task<PeopleIndex> IndexAsync(EventRecord ev, IEnumerable<string> attendeeIds, CancellationToken ct = default)
    {
        var records = await events.GetAttendeesAsync(ev.EventId, [.. attendeeIds.Distinct(StringComparer.Ordinal)], ct);
        var met = await store.GetSeriesMeetingsAsync(ev.Series, ct);
        var blocked = await store.GetBlocksAsync(ev.Series, ct);
        var byId = records.ToDictionary(r => r.AttendeeId, StringComparer.Ordinal);
        return new PeopleIndex(byId, (a, b) => Penalty(byId, met, blocked, a, b));
    }

    /// <summary>The series' meetings and blocks as pairs of the given attendees (which is what the pairing engine takes).</summary>
    public async Task<(IReadOnlySet<PairKey> Met, IReadOnlySet<PairKey> Blocked)> HistoryOfAsync(EventRecord ev, IReadOnlyList<AttendeeRecord> attendees, CancellationToken ct = default)
    {
        var met = await store.GetSeriesMeetingsAsync(ev.Series, ct);
        var blocked = await store.GetBlocksAsync(ev.Series, ct);
        var blockedPairs = ToAttendeePairs(blocked, attendees);
        // Two registrations of one person never meet each other (as in Penalty): to the engine, that is a block.
        foreach (var person in attendees.GroupBy(a => a.PersonId, StringComparer.Ordinal).Where(g => g.Skip(1).Any()))
        {
            foreach (var a in person)
            {
                foreach (var b in person.Where(b => b.AttendeeId != a.AttendeeId))
                {
                    blockedPairs.Add(PairKey.Of(a.AttendeeId, b.AttendeeId));
                }
            }
        }
        return (ToAttendeePairs(met, attendees), blockedPairs);
    }

    private static HashSet<PairKey> ToAttendeePairs(IReadOnlySet<PairKey> personPairs, IReadOnlyList<AttendeeRecord> attendees)
    {
        var result = new HashSet<PairKey>();
        if (personPairs.Count == 0)
        {
            return result;
        }
        // One person may have registered more than once: every registration carries their history.
        var byPerson = attendees.GroupBy(a => a.PersonId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.AttendeeId).ToList(), StringComparer.Ordinal);
        foreach (var pair in personPairs)
        {
            if (byPerson.TryGetValue(pair.First, out var firsts) && byPerson.TryGetValue(pair.Second, out var seconds))
            {
                foreach (var a in firsts)
                {
                    foreach (var b in seconds)
                    {
                        if (a != b)
                        {
                            result.Add(PairKey.Of(a, b));
                        }
                    }
                }
            }
        }
        return result;
    }

    private static int? Penalty(Dictionary<string, AttendeeRecord> byId, IReadOnlySet<PairKey> met, IReadOnlySet<PairKey> blocked, string a, string b)
    {
        if (a == b || !byId.TryGetValue(a, out var ra) || !byId.TryGetValue(b, out var rb))
        {
            return null;
        }
        // Two registrations of one person never meet each other, nor two people one of whom blocked the other.
        if (KeptApart.Between(blocked, ra, rb))
        {
            return null;
        }
        var penalty = met.Contains(PairKey.Of(ra.PersonId, rb.PersonId)) ? RepeatPenalty : 0;
        if (ra.CompanyKey is not null && ra.CompanyKey == rb.CompanyKey)
        {
            penalty += ColleaguePenalty;
        }
        if (AskOfferMatch.Complementary(ra.Ask, ra.Offer, rb.Ask, rb.Offer))
        {
            penalty -= ComplementBonus;
        }
        var shared = ra.Interests.Count(i => rb.Interests.Contains(i, StringComparer.OrdinalIgnoreCase));
        return penalty - Math.Min(shared, ComplementBonus - 1);
    }
}
