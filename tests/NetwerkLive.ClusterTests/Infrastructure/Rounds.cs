using NetwerkLive.Contracts;

namespace NetwerkLive.ClusterTests.Infrastructure;

/// <summary>Reads a round from what its participants were told, wherever they are connected.</summary>
public static class Rounds
{
    /// <summary>
    /// Ends the round and waits until every participant heard so: the end is the last push of the round,
    /// so after it each client's list of BreakoutStarted for the round is complete.
    /// </summary>
    public static async Task EndAndSettleAsync(TestClient host, IReadOnlyCollection<TestClient> participants, string roundId)
    {
        await host.Connection.EndRound();
        await Task.WhenAll(participants.Select(p => p.BreakoutEnded.WaitFor(e => e.RoundId == roundId)));
    }

    /// <summary>
    /// Each participant's one assignment in the round, after checking they got exactly one, and that
    /// every group is told the same: each member's partners are exactly the others with that group id.
    /// </summary>
    public static List<HashSet<string>> Groups(IReadOnlyCollection<TestClient> participants, string roundId)
    {
        var byAttendee = new Dictionary<string, BreakoutAssignment>(StringComparer.Ordinal);
        foreach (var participant in participants)
        {
            var assignments = participant.BreakoutStarted.Items.Where(a => a.RoundId == roundId).ToList();
            Assert.True(assignments.Count == 1, $"{participant.AttendeeId} got {assignments.Count} BreakoutStarted for round {roundId}, not exactly one.");
            byAttendee[participant.AttendeeId] = assignments[0];
        }
        var groups = byAttendee
            .GroupBy(p => p.Value.GroupId, StringComparer.Ordinal)
            .Select(g => g.Select(p => p.Key).ToHashSet(StringComparer.Ordinal))
            .ToList();
        foreach (var member in groups.SelectMany(g => g.Select(m => (Group: g, Member: m))))
        {
            var partners = byAttendee[member.Member].Partners.Select(p => p.Id).Order(StringComparer.Ordinal);
            Assert.Equal(member.Group.Where(m => m != member.Member).Order(StringComparer.Ordinal), partners);
        }
        return groups;
    }
}
