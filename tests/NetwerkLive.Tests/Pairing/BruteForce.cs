using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Tests.Pairing;

/// <summary>
/// An independent, exhaustive reference for up to about ten people: tries every subset and every way
/// to cut it into groups of the sizes the rule gives. Slow, simple, and obviously right.
/// </summary>
internal static class BruteForce
{
    /// <summary>The fewest people who must be left out, and the fewest repeats when that few are.</summary>
    public static (int Unplaced, int Repeats) Best(Scenario scenario)
    {
        var n = scenario.Count;
        var blocked = Matrix(n, scenario.Blocked);
        var met = Matrix(n, scenario.Met);
        for (var unplaced = 0; unplaced <= n; unplaced++)
        {
            var best = int.MaxValue;
            for (var mask = 0; mask < 1 << n; mask++)
            {
                if (int.PopCount(mask) != n - unplaced)
                {
                    continue;
                }
                var sizes = GroupSizing.Sizes(n - unplaced, scenario.GroupSize).ToList();
                best = Math.Min(best, FewestRepeats(mask, sizes, blocked, met));
            }
            if (best != int.MaxValue)
            {
                return (unplaced, best);
            }
        }
        return (n, 0);
    }

    private static int FewestRepeats(int mask, List<int> sizes, bool[,] blocked, bool[,] met)
    {
        if (mask == 0)
        {
            return sizes.Count == 0 ? 0 : int.MaxValue;
        }
        if (sizes.Count == 0)
        {
            return int.MaxValue;
        }
        var first = int.TrailingZeroCount(mask);
        var rest = mask & ~(1 << first);
        var best = int.MaxValue;
        foreach (var size in sizes.Distinct())
        {
            var left = new List<int>(sizes);
            left.Remove(size);
            foreach (var others in Subsets(rest, size - 1))
            {
                var group = others | (1 << first);
                var repeats = Repeats(group, blocked, met);
                if (repeats < 0)
                {
                    continue;
                }
                var after = FewestRepeats(mask & ~group, left, blocked, met);
                if (after != int.MaxValue)
                {
                    best = Math.Min(best, repeats + after);
                }
            }
        }
        return best;
    }

    /// <summary>Repeated pairs inside the group, or -1 when it holds a blocked pair.</summary>
    private static int Repeats(int group, bool[,] blocked, bool[,] met)
    {
        var members = Enumerable.Range(0, 32).Where(i => (group & (1 << i)) != 0).ToArray();
        var repeats = 0;
        foreach (var a in members)
        {
            foreach (var b in members.Where(b => b > a))
            {
                if (blocked[a, b])
                {
                    return -1;
                }
                repeats += met[a, b] ? 1 : 0;
            }
        }
        return repeats;
    }

    private static IEnumerable<int> Subsets(int mask, int count)
    {
        if (count == 0)
        {
            yield return 0;
            yield break;
        }
        for (var rest = mask; rest != 0; rest &= rest - 1)
        {
            var bit = rest & -rest;
            foreach (var tail in Subsets(rest & ~bit, count - 1))
            {
                yield return bit | tail;
            }
        }
    }

    private static bool[,] Matrix(int n, (int A, int B)[] pairs)
    {
        var matrix = new bool[Math.Max(n, 1), Math.Max(n, 1)];
        foreach (var (a, b) in pairs.Where(p => p.A != p.B))
        {
            matrix[a, b] = matrix[b, a] = true;
        }
        return matrix;
    }
}
