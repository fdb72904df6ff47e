namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// Grouping for more people than the exact search handles: greedy draft, local repair, and then the
/// hard rule. Blocks are a huge cost to the draft and the repair, so they are almost always avoided;
/// a block that survives means that person has very few allowed partners, so they are left out and
/// the rest are grouped again (the sizing rule then holds for whoever is placed).
/// </summary>
internal static class HeuristicPlacer
{
    private const int Regroupings = 8;

    public static List<int[]> Place(PairingProblem problem, IReadOnlyList<int> members, List<int> unplaced)
    {
        var random = new SeededRandom(problem.Seed, stream: 2);
        var current = members.ToArray();
        for (var attempt = 0; ; attempt++)
        {
            var groups = GreedyGrouper.Group(problem, current);
            GroupRepair.Improve(problem, groups, random);

            var evicted = new List<int>();
            foreach (var group in groups)
            {
                if (GroupRepair.HasBlockedPair(problem, group))
                {
                    evicted.Add(GroupRepair.MostBlocked(problem, group));
                }
            }
            if (evicted.Count == 0)
            {
                return [.. groups];
            }
            if (attempt == Regroupings)
            {
                return EvictInPlace(problem, groups, unplaced);
            }
            unplaced.AddRange(evicted);
            current = [.. current.Where(person => !evicted.Contains(person))];
            if (current.Length < 2)
            {
                unplaced.AddRange(current);
                return [];
            }
        }
    }

    /// <summary>Last resort: drop the blocked members where they sit, keeping groups of two or more.</summary>
    private static List<int[]> EvictInPlace(PairingProblem problem, int[][] groups, List<int> unplaced)
    {
        var result = new List<int[]>(groups.Length);
        foreach (var group in groups)
        {
            var kept = group;
            while (kept.Length >= 2 && GroupRepair.HasBlockedPair(problem, kept))
            {
                var worst = GroupRepair.MostBlocked(problem, kept);
                unplaced.Add(worst);
                kept = [.. kept.Where(person => person != worst)];
            }
            if (kept.Length >= 2)
            {
                result.Add(kept);
            }
            else
            {
                unplaced.AddRange(kept);
            }
        }
        return result;
    }
}
