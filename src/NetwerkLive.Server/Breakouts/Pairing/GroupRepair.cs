namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// Local search after the greedy draft: for every person who sits with a colleague, someone they met
/// before, or someone blocked, try swapping them with a member of another group and keep the first
/// swap that lowers the cost of both groups together. Swaps keep every group's size, so the sizing
/// rule holds throughout. Only bad seats are examined, so a good draft costs almost nothing here.
/// People who share no interest with their group get one pass too (the draft's last groups are
/// whoever is left): swaps are evaluated only with groups where they share an interest with someone.
/// </summary>
internal static class GroupRepair
{
    // Groups tried per bad seat when there are too many to try them all.
    private const int Tries = 64;
    // Interest swaps are only worth evaluating with a group that has something in common with the
    // seat, which a popcount tells cheaply: scan many groups, evaluate few.
    private const int InterestScan = 256;
    private const int Passes = 3;

    public static void Improve(PairingProblem problem, int[][] groups, SeededRandom random)
    {
        if (groups.Length < 2)
        {
            return;
        }
        for (var pass = 0; pass < Passes; pass++)
        {
            var improved = false;
            for (var g = 0; g < groups.Length; g++)
            {
                for (var i = 0; i < groups[g].Length; i++)
                {
                    var swapped = Penalty(problem, groups[g], i) >= PairingProblem.ColleagueWeight
                        ? TrySwap(problem, groups, g, i, Tries, interestsOnly: false, random)
                        : pass == 0 && problem.HasInterests(groups[g][i]) && SharesNothing(problem, groups[g], i)
                            && TrySwap(problem, groups, g, i, InterestScan, interestsOnly: true, random);
                    improved |= swapped;
                }
            }
            if (!improved)
            {
                return;
            }
        }
    }

    private static bool TrySwap(PairingProblem problem, int[][] groups, int g, int i, int tries, bool interestsOnly, SeededRandom random)
    {
        var all = groups.Length - 1 <= tries;
        tries = all ? groups.Length - 1 : tries;
        var offset = random.Next(groups.Length - 1);
        for (var t = 0; t < tries; t++)
        {
            var h = all || interestsOnly ? (g + 1 + ((offset + t) % (groups.Length - 1))) % groups.Length : random.Next(groups.Length);
            if (h == g || (interestsOnly && SharesNothingWith(problem, groups[h], groups[g][i])))
            {
                continue;
            }
            var x = groups[g][i];
            var before0 = Contribution(problem, groups[g], i, x);
            for (var j = 0; j < groups[h].Length; j++)
            {
                var y = groups[h][j];
                var before = before0 + Contribution(problem, groups[h], j, y);
                var after = Contribution(problem, groups[g], i, y) + Contribution(problem, groups[h], j, x);
                if (after < before)
                {
                    groups[g][i] = y;
                    groups[h][j] = x;
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Cost of <paramref name="person"/> sitting in seat <paramref name="seat"/> of the group.</summary>
    private static long Contribution(PairingProblem problem, int[] group, int seat, int person)
    {
        var cost = 0L;
        for (var s = 0; s < group.Length; s++)
        {
            if (s != seat)
            {
                cost += problem.Cost(person, group[s]);
            }
        }
        return cost;
    }

    private static bool SharesNothing(PairingProblem problem, int[] group, int seat)
    {
        for (var s = 0; s < group.Length; s++)
        {
            if (s != seat && problem.Affinity(group[seat], group[s]) > 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether <paramref name="person"/> shares no interest with anyone in another group.</summary>
    private static bool SharesNothingWith(PairingProblem problem, int[] group, int person)
    {
        foreach (var member in group)
        {
            if (problem.Affinity(person, member) > 0)
            {
                return false;
            }
        }
        return true;
    }

    private static long Penalty(PairingProblem problem, int[] group, int seat) =>
        Contribution(problem, group, seat, group[seat]) + (PairingProblem.MaxAffinity * (group.Length - 1));

    public static bool HasBlockedPair(PairingProblem problem, int[] group)
    {
        for (var a = 0; a < group.Length; a++)
        {
            for (var b = a + 1; b < group.Length; b++)
            {
                if (problem.IsBlocked(group[a], group[b]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The member with the most blocks inside the group: the one to leave out.</summary>
    public static int MostBlocked(PairingProblem problem, int[] group)
    {
        var worst = 0;
        var worstCount = -1;
        for (var a = 0; a < group.Length; a++)
        {
            var count = 0;
            for (var b = 0; b < group.Length; b++)
            {
                if (a != b && problem.IsBlocked(group[a], group[b]))
                {
                    count++;
                }
            }
            if (count > worstCount)
            {
                worst = a;
                worstCount = count;
            }
        }
        return group[worst];
    }
}
