using System.Numerics;

namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// Up to <see cref="MaxPeople"/> people as bitmasks, for the exact search: person v is bit v, in the
/// shuffled index order, so trying lower bits first is the seeded random order.
/// </summary>
internal sealed class SmallProblem
{
    public const int MaxPeople = 16;

    private readonly long[] _cost;

    public SmallProblem(PairingProblem problem, IReadOnlyList<int> members)
    {
        if (members.Count > MaxPeople)
        {
            throw new ArgumentOutOfRangeException(nameof(members), "Too many people for the exact search.");
        }
        N = members.Count;
        Members = [.. members];
        GroupSize = problem.GroupSize;
        Allowed = new int[N];
        Fresh = new int[N];
        NotColleague = new int[N];
        _cost = new long[N * N];
        var pairs = N * (N - 1) / 2;
        var allowedPairs = 0;
        var freshPairs = 0;
        for (var a = 0; a < N; a++)
        {
            for (var b = a + 1; b < N; b++)
            {
                var (x, y) = (Members[a], Members[b]);
                if (problem.IsBlocked(x, y))
                {
                    continue;
                }
                allowedPairs++;
                Allowed[a] |= 1 << b;
                Allowed[b] |= 1 << a;
                if (!problem.HasMet(x, y))
                {
                    freshPairs++;
                    Fresh[a] |= 1 << b;
                    Fresh[b] |= 1 << a;
                }
                if (!problem.AreColleagues(x, y))
                {
                    NotColleague[a] |= 1 << b;
                    NotColleague[b] |= 1 << a;
                }
                var cost = problem.Cost(x, y);
                _cost[(a * N) + b] = cost;
                _cost[(b * N) + a] = cost;
                MaxShared = Math.Max(MaxShared, problem.Affinity(x, y));
            }
        }
        AllowedComplete = allowedPairs == pairs;
        FreshComplete = freshPairs == pairs;
    }

    public int N { get; }

    /// <summary>Problem indices of the people, by bit.</summary>
    public int[] Members { get; }

    public int GroupSize { get; }

    public int AllPeople => (1 << N) - 1;

    /// <summary>Pairs that are not blocked.</summary>
    public int[] Allowed { get; }

    /// <summary>Allowed pairs that have not met before.</summary>
    public int[] Fresh { get; }

    public int[] NotColleague { get; }

    public bool AllowedComplete { get; }

    public bool FreshComplete { get; }

    public long MaxShared { get; }

    public long Cost(int a, int b) => _cost[(a * N) + b];

    public long GroupCost(int mask)
    {
        var cost = 0L;
        for (var rest = mask; rest != 0; rest &= rest - 1)
        {
            var a = BitOperations.TrailingZeroCount(rest);
            for (var others = rest & (rest - 1); others != 0; others &= others - 1)
            {
                cost += Cost(a, BitOperations.TrailingZeroCount(others));
            }
        }
        return cost;
    }

    public long RoundCost(int[] round)
    {
        var cost = 0L;
        foreach (var group in round)
        {
            cost += GroupCost(group);
        }
        return cost;
    }

    /// <summary>The graph without the pairs that meet in <paramref name="round"/>.</summary>
    public static int[] Without(int[] graph, int[] round)
    {
        var rest = (int[])graph.Clone();
        foreach (var group in round)
        {
            for (var bits = group; bits != 0; bits &= bits - 1)
            {
                rest[BitOperations.TrailingZeroCount(bits)] &= ~group;
            }
        }
        return rest;
    }
}
