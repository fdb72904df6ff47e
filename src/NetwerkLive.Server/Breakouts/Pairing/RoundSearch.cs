using System.Numerics;

namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// Depth-first search for one round over a graph of allowed pairs (bitmask adjacency): take the person
/// with the fewest options left, try each group for them that the graph allows, recurse. Three uses:
/// <list type="bullet">
/// <item>feasibility (stop at the first round; dead ends are memoised, which makes "no" cheap);</item>
/// <item>cheapest round (<see cref="Minimise"/>: branch and bound on the lexicographic cost);</item>
/// <item>lookahead (<see cref="Accept"/> is asked about every complete round, e.g. "can the rounds
/// after this one still be repeat-free?").</item>
/// </list>
/// Up to <c>skips</c> people may be left out, for when blocks make placing everyone impossible.
/// </summary>
internal sealed class RoundSearch(SmallProblem problem, SearchBudget budget)
{
    private const int MaxCombos = 455 + 105 + 15; // groups of 4, 3 and 2 around one person among 16

    private readonly int[] _sizeLeft = new int[PairingRequest.MaxGroupSize + 1];
    private readonly int[] _stack = new int[SmallProblem.MaxPeople];
    private readonly List<Combos> _buffers = [];
    private readonly Combos _rootCombos = new(1820); // every group of 4 among 16
    private int _depth;
    private int[] _graph = [];
    private HashSet<long>? _deadEnds;

    /// <summary>Asked about each complete round; only rounds it accepts count.</summary>
    public Func<int[], bool>? Accept { get; set; }

    /// <summary>Keep searching for cheaper rounds instead of stopping at the first.</summary>
    public bool Minimise { get; init; }

    /// <summary>When minimising: only rounds cheaper than this count. Lowered as rounds are found.</summary>
    public long Bound { get; set; } = long.MaxValue;

    /// <summary>The round found (group bitmasks), or null.</summary>
    public int[]? Best { get; private set; }

    public long BestCost { get; private set; }

    public bool Run(int[] graph, int[] sizes, int skips)
    {
        _graph = graph;
        Best = null;
        BestCost = long.MaxValue;
        Array.Clear(_sizeLeft);
        foreach (var size in sizes)
        {
            _sizeLeft[size]++;
        }
        _depth = 0;
        _deadEnds = Accept is null && !Minimise ? [] : null;
        var lonely = LonelySize();
        if (lonely > 0)
        {
            PlaceLonelyGroup(lonely, problem.AllPeople, skips);
        }
        else
        {
            Search(problem.AllPeople, skips, 0);
        }
        return Best is not null;
    }

    /// <summary>
    /// The size of the one group that differs from all others (the triple among pairs), or 0.
    /// Choosing that group first, once, beats offering it to every person at every level: with
    /// fifteen people that is 455 options at the root instead of up to 105 at each of seven levels.
    /// </summary>
    private int LonelySize()
    {
        var kinds = 0;
        var lonely = 0;
        for (var size = 2; size < _sizeLeft.Length; size++)
        {
            if (_sizeLeft[size] > 0)
            {
                kinds++;
                if (_sizeLeft[size] == 1)
                {
                    lonely = size;
                }
            }
        }
        return kinds > 1 ? lonely : 0;
    }

    private void PlaceLonelyGroup(int size, int remaining, int skips)
    {
        var combos = _rootCombos;
        combos.Count = 0;
        for (var rest = remaining; rest != 0; rest &= rest - 1)
        {
            var v = BitOperations.TrailingZeroCount(rest);
            AddCombos(combos, 1 << v, (rest & (rest - 1)) & _graph[v], size - 1, remaining);
        }
        Array.Sort(combos.Keys, combos.Order, 0, combos.Count);
        _sizeLeft[size]--;
        for (var c = 0; c < combos.Count; c++)
        {
            var i = combos.Order[c];
            _stack[_depth++] = combos.Masks[i];
            var stop = Search(remaining & ~combos.Masks[i], skips, combos.Costs[i]);
            _depth--;
            if (stop)
            {
                break;
            }
        }
        _sizeLeft[size]++;
    }

    /// <summary>Returns true to stop the whole search (found, or out of budget).</summary>
    private bool Search(int remaining, int skips, long cost)
    {
        if (!budget.Spend())
        {
            return true;
        }
        if (remaining == 0)
        {
            return Complete(cost);
        }
        if (Minimise && cost + LowerBound(remaining, skips) >= Bound)
        {
            return false;
        }
        var key = Key(remaining, skips);
        if (_deadEnds is not null && _deadEnds.Contains(key))
        {
            return false;
        }

        // Most constrained person first: dead ends show up early.
        var person = -1;
        var fewest = int.MaxValue;
        for (var rest = remaining; rest != 0; rest &= rest - 1)
        {
            var v = BitOperations.TrailingZeroCount(rest);
            var options = BitOperations.PopCount((uint)(_graph[v] & remaining));
            if (options < fewest)
            {
                fewest = options;
                person = v;
            }
        }
        var stop = fewest > 0 && TryGroups(person, remaining, skips, cost);
        if (!stop && skips > 0)
        {
            stop = Search(remaining & ~(1 << person), skips - 1, cost);
        }
        if (!stop)
        {
            _deadEnds?.Add(key);
        }
        return stop;
    }

    private bool TryGroups(int person, int remaining, int skips, long cost)
    {
        var combos = CombosAt(_depth);
        combos.Count = 0;
        var candidates = _graph[person] & remaining & ~(1 << person);
        for (var size = PairingRequest.MaxGroupSize; size >= 2; size--)
        {
            if (_sizeLeft[size] > 0)
            {
                AddCombos(combos, 1 << person, candidates, size - 1, remaining);
            }
        }
        Array.Sort(combos.Keys, combos.Order, 0, combos.Count);
        for (var c = 0; c < combos.Count; c++)
        {
            var i = combos.Order[c];
            var group = combos.Masks[i];
            var size = BitOperations.PopCount((uint)group);
            _sizeLeft[size]--;
            _stack[_depth++] = group;
            var stop = Search(remaining & ~group, skips, cost + combos.Costs[i]);
            _depth--;
            _sizeLeft[size]++;
            if (stop)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Every way to add <paramref name="more"/> people, all allowed with each other.</summary>
    private void AddCombos(Combos combos, int group, int candidates, int more, int remaining)
    {
        if (more == 0)
        {
            // Cost only matters when minimising; lookahead and feasibility skip it.
            var cost = Minimise ? problem.GroupCost(group) : 0;
            var i = combos.Count++;
            combos.Masks[i] = group;
            combos.Costs[i] = cost;
            combos.Order[i] = i;
            // Cheapest first when minimising; otherwise the hardest-to-place partners first, which
            // finds perfect schedules with far less backtracking.
            combos.Keys[i] = Minimise ? cost : Tightness(group, remaining);
            return;
        }
        for (var rest = candidates; rest != 0; rest &= rest - 1)
        {
            var v = BitOperations.TrailingZeroCount(rest);
            // Only later candidates, so each set is generated once.
            AddCombos(combos, group | (1 << v), (rest & (rest - 1)) & _graph[v], more - 1, remaining);
        }
    }

    private long Tightness(int group, int remaining)
    {
        var options = 0L;
        for (var bits = group; bits != 0; bits &= bits - 1)
        {
            options += BitOperations.PopCount((uint)(_graph[BitOperations.TrailingZeroCount(bits)] & remaining));
        }
        return options;
    }

    private bool Complete(long cost)
    {
        if (Minimise && cost >= Bound)
        {
            return false;
        }
        var round = _stack[.._depth];
        if (Accept is not null && !Accept(round))
        {
            return false;
        }
        Best = round;
        BestCost = cost;
        if (Minimise)
        {
            Bound = cost;
            return false;
        }
        return true;
    }

    /// <summary>
    /// Each remaining person sits in at least one pair, each pair has two people: half the sum of
    /// everyone's cheapest penalty is a floor. Interests can only subtract their cap per pair left.
    /// </summary>
    private long LowerBound(int remaining, int skips)
    {
        var pairsLeft = 0L;
        for (var size = 2; size < _sizeLeft.Length; size++)
        {
            pairsLeft += _sizeLeft[size] * size * (size - 1) / 2;
        }
        var floor = -pairsLeft * problem.MaxShared;
        if (skips > 0)
        {
            return floor;
        }
        var penalties = 0L;
        for (var rest = remaining; rest != 0; rest &= rest - 1)
        {
            var v = BitOperations.TrailingZeroCount(rest);
            var options = _graph[v] & remaining;
            if ((options & problem.Fresh[v] & problem.NotColleague[v]) != 0)
            {
                continue;
            }
            penalties += (options & problem.Fresh[v]) != 0 ? PairingProblem.ColleagueWeight
                : (options & problem.NotColleague[v]) != 0 ? PairingProblem.RepeatWeight
                : PairingProblem.RepeatWeight + PairingProblem.ColleagueWeight;
        }
        return floor + (penalties / 2);
    }

    private long Key(int remaining, int skips) =>
        (uint)remaining | ((long)_sizeLeft[2] << 16) | ((long)_sizeLeft[3] << 21) | ((long)_sizeLeft[4] << 26) | ((long)skips << 31);

    private Combos CombosAt(int depth)
    {
        while (_buffers.Count <= depth)
        {
            _buffers.Add(new Combos());
        }
        return _buffers[depth];
    }

    private sealed class Combos(int capacity = MaxCombos)
    {
        public int Count { get; set; }

        public int[] Masks { get; } = new int[capacity];

        public long[] Costs { get; } = new long[capacity];

        public long[] Keys { get; } = new long[capacity];

        public int[] Order { get; } = new int[capacity];
    }
}
