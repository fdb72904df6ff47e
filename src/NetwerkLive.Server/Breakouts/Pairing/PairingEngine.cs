namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// Groups the available attendees of one breakout round. Pure and deterministic: no I/O, no clock,
/// and the same request (same seed) always gives the same groups.
/// </summary>
/// <remarks>
/// Rules, most important first: blocked pairs are never grouped; everyone who can be placed is;
/// group sizes follow <see cref="GroupSizing"/>; nobody meets someone again while a repeat-free
/// grouping exists; colleagues are split where possible; shared interests break ties; the seed
/// decides the rest. Up to <see cref="SmallProblem.MaxPeople"/> people the search is exact and looks
/// ahead, so pairs over successive rounds form a perfect round-robin; above that a greedy draft with
/// local repair keeps 10,000 people well under 50 ms.
/// </remarks>
public static class PairingEngine
{
    public static PairingResult Pair(PairingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Candidates);
        ArgumentNullException.ThrowIfNull(request.AlreadyMet);
        ArgumentNullException.ThrowIfNull(request.Blocked);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.GroupSize, PairingRequest.MinGroupSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.GroupSize, PairingRequest.MaxGroupSize);
        if (request.Candidates.Count == 0)
        {
            return PairingResult.Empty;
        }

        var problem = PairingProblem.Build(request);
        var unplaced = new List<int>();
        var members = new List<int>(problem.Count);
        for (var person = 0; person < problem.Count; person++)
        {
            // Blocked with everyone (or alone): no grouping can include them.
            if (problem.BlockedCount(person) >= problem.Count - 1)
            {
                unplaced.Add(person);
            }
            else
            {
                members.Add(person);
            }
        }

        var groups = members.Count <= SmallProblem.MaxPeople
            ? RoundPlanner.TryPlace(problem, members, unplaced)
            : null;
        groups ??= HeuristicPlacer.Place(problem, members, unplaced);

        unplaced.Sort();
        var result = new IReadOnlyList<Candidate>[groups.Count];
        for (var g = 0; g < result.Length; g++)
        {
            result[g] = ToCandidates(problem, groups[g]);
        }
        return new PairingResult(result, ToCandidates(problem, unplaced));
    }

    private static Candidate[] ToCandidates(PairingProblem problem, IReadOnlyList<int> people)
    {
        var candidates = new Candidate[people.Count];
        for (var i = 0; i < candidates.Length; i++)
        {
            candidates[i] = problem.People[people[i]];
        }
        return candidates;
    }
}
