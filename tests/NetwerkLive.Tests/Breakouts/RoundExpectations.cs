using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>Reads a round from what its participants were told: who is with whom, and which pairs met.</summary>
public static class RoundExpectations
{
    /// <summary>Registers, connects and joins each (name, company) in turn.</summary>
    public static async Task<List<TestClient>> JoinAllAsync(this LiveEvent live, IEnumerable<(string Name, string? Company)> people)
    {
        var clients = new List<TestClient>();
        foreach (var (name, company) in people)
        {
            clients.Add((await live.JoinAsync(name, company)).Client);
        }
        return clients;
    }

    /// <summary>Each person from a company of their own, so the pairing has no colleagues to keep apart.</summary>
    public static Task<List<TestClient>> JoinAllAsync(this LiveEvent live, params string[] names) =>
        live.JoinAllAsync(names.Select(name => (name, (string?)(name + " BV"))));

    /// <summary>
    /// Starts a round in which only <paramref name="waiting"/> waits for a partner. A round needs two people open for
    /// networking, so Zoe is the second: she blocked them (so neither is grouped) and leaves the round while waiting.
    /// </summary>
    public static async Task<RoundInfo> StartRoundWhereOnlyTheyWaitAsync(this LiveEvent live, TestClient host, TestClient waiting, int seconds = 600)
    {
        var (zoe, _) = await live.JoinAsync("Zoe", "Zoe BV");
        await zoe.Connection.BlockAttendee(waiting.AttendeeId);
        var round = await host.Connection.StartRound(seconds, 2);
        await zoe.BreakoutWaiting.WaitForAny();
        await zoe.Connection.LeaveBreakout();
        return round;
    }

    /// <summary>Each client's first assignment in the round, by attendee id.</summary>
    public static async Task<Dictionary<string, BreakoutAssignment>> AssignmentsAsync(this IEnumerable<TestClient> clients, string roundId)
    {
        var list = clients.ToList();
        var assignments = await Task.WhenAll(list.Select(c => c.BreakoutStarted.WaitFor(a => a.RoundId == roundId)));
        return list.Select((c, i) => (c.AttendeeId, assignments[i])).ToDictionary(p => p.AttendeeId, p => p.Item2, StringComparer.Ordinal);
    }

    /// <summary>
    /// The groups as sets of attendee ids, after checking that every member was told the same group:
    /// each one's partners are exactly the others who got that group id.
    /// </summary>
    public static List<HashSet<string>> Groups(IReadOnlyDictionary<string, BreakoutAssignment> byAttendee)
    {
        var groups = byAttendee
            .GroupBy(p => p.Value.GroupId, StringComparer.Ordinal)
            .Select(g => g.Select(p => p.Key).ToHashSet(StringComparer.Ordinal))
            .ToList();
        foreach (var group in groups)
        {
            foreach (var member in group)
            {
                var partners = byAttendee[member].Partners.Select(p => p.Id).Order(StringComparer.Ordinal);
                Assert.Equal(group.Where(m => m != member).Order(StringComparer.Ordinal), partners);
            }
        }
        return groups;
    }

    /// <summary>Every two people who met in these groups, smaller id first.</summary>
    public static HashSet<(string, string)> Pairs(IEnumerable<IReadOnlySet<string>> groups)
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var group in groups)
        {
            foreach (var a in group)
            {
                foreach (var b in group.Where(b => string.CompareOrdinal(a, b) < 0))
                {
                    pairs.Add((a, b));
                }
            }
        }
        return pairs;
    }

    /// <summary>The ids of someone's partners in an assignment.</summary>
    public static string[] PartnerIds(this BreakoutAssignment assignment) =>
        [.. assignment.Partners.Select(p => p.Id).Order(StringComparer.Ordinal)];

    /// <summary>Ids sorted, for comparing with <see cref="PartnerIds"/>.</summary>
    public static string[] Ids(params TestClient[] clients) => [.. clients.Select(c => c.AttendeeId).Order(StringComparer.Ordinal)];

    /// <summary>The client with this attendee id.</summary>
    public static TestClient With(this IEnumerable<TestClient> clients, string attendeeId) => clients.Single(c => c.AttendeeId == attendeeId);
}
