using System.Numerics;

namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// Lookahead over whole rounds: a "plan" is a sequence of edge-disjoint repeat-free rounds of the same
/// people. Choosing this round from a plan as deep as the graph allows is what makes repeated rounds
/// a perfect round-robin: any repeat-free matching is not enough (with six people, three rounds can
/// leave two unmet triangles, which no fourth round can cover without a repeat).
/// </summary>
internal sealed class PlanSearch(SmallProblem problem, SearchBudget budget, int[] sizes)
{
    private readonly List<RoundSearch> _levels = [];
    // Graphs known not to hold that many more rounds. The same graph is reached by playing the same
    // rounds in another order, so this prunes most of an unsuccessful search.
    private readonly HashSet<(UInt128 Graph, int Rounds)> _dead = [];
    private readonly List<int[]> _current = [];
    private readonly int _pairsPerRound = sizes.Sum(size => size * (size - 1) / 2);
    private readonly int _minSize = sizes.Min();
    private bool _record;

    public int BestDepth { get; private set; }

    public int[][] BestPlan { get; private set; } = [];

    /// <summary>
    /// An upper bound on how many repeat-free rounds the graph can still hold: by its number of pairs,
    /// and by its least-connected person (each round uses at least one pair of everyone's).
    /// </summary>
    public int MaxDepth(int[] graph)
    {
        var edges = 0;
        var minDegree = int.MaxValue;
        foreach (var neighbours in graph)
        {
            var degree = BitOperations.PopCount((uint)neighbours);
            edges += degree;
            minDegree = Math.Min(minDegree, degree);
        }
        return Math.Min(edges / 2 / _pairsPerRound, minDegree / (_minSize - 1));
    }

    /// <summary>Searches for a plan of <paramref name="target"/> rounds; keeps the deepest found.</summary>
    public void FindDeepest(int[] graph, int target)
    {
        BestDepth = 0;
        BestPlan = [];
        _record = true;
        Extend(graph, 0, target);
    }

    /// <summary>Whether <paramref name="rounds"/> more repeat-free rounds fit in the graph.</summary>
    public bool CanHold(int[] graph, int rounds)
    {
        _record = false;
        return Extend(graph, 0, rounds);
    }

    private bool Extend(int[] graph, int level, int target)
    {
        if (level == target)
        {
            return true;
        }
        if (MaxDepth(graph) < target - level)
        {
            return false;
        }
        var key = (Key(graph), target - level);
        if (_dead.Contains(key))
        {
            return false;
        }
        while (_levels.Count <= level)
        {
            _levels.Add(new RoundSearch(problem, budget));
            _current.Add([]);
        }
        var search = _levels[level];
        search.Accept = round =>
        {
            _current[level] = round;
            if (_record && level + 1 > BestDepth)
            {
                BestDepth = level + 1;
                BestPlan = [.. _current.Take(level + 1)];
            }
            return Extend(SmallProblem.Without(graph, round), level + 1, target);
        };
        var found = search.Run(graph, sizes, skips: 0);
        if (!found && !budget.Exhausted)
        {
            _dead.Add(key);
        }
        return found;
    }

    /// <summary>The graph's pairs (upper triangle, at most 120 bits for 16 people) as one number.</summary>
    private static UInt128 Key(int[] graph)
    {
        UInt128 key = 0;
        var shift = 0;
        for (var v = 0; v < graph.Length; v++)
        {
            key |= (UInt128)(uint)(graph[v] >>> (v + 1)) << shift;
            shift += graph.Length - 1 - v;
        }
        return key;
    }
}
