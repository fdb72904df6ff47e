using System.Numerics;

namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// Exact grouping for up to 16 people, in the order of the rules: place as many people as blocks
/// allow; then avoid repeats if any repeat-free round exists; then (lookahead) pick a round that
/// leaves the most repeat-free rounds possible after it; then fewest colleague pairs, most shared
/// interests. Returns null when the step budget runs out before any answer, and the caller falls back
/// to the heuristic.
/// </summary>
internal static class RoundPlanner
{
    private const int Budget = 100_000;
    private const int ImproveBudget = 40_000;

    public static List<int[]>? TryPlace(PairingProblem problem, IReadOnlyList<int> members, List<int> unplaced)
    {
        var small = new SmallProblem(problem, members);
        var budget = new SearchBudget(Budget);

        var skips = 0;
        var sizes = GroupSizing.Sizes(small.N, problem.GroupSize);
        if (!small.AllowedComplete)
        {
            while (sizes.Length > 0 && !new RoundSearch(small, budget).Run(small.Allowed, sizes, skips))
            {
                if (budget.Exhausted)
                {
                    return null;
                }
                skips++;
                sizes = GroupSizing.Sizes(small.N - skips, problem.GroupSize);
            }
        }
        if (sizes.Length == 0)
        {
            unplaced.AddRange(small.Members);
            return [];
        }

        var freshPossible = small.FreshComplete || new RoundSearch(small, budget).Run(small.Fresh, sizes, skips);
        if (budget.Exhausted)
        {
            return null;
        }
        int[]? round;
        if (!freshPossible)
        {
            round = Cheapest(small, budget, small.Allowed, sizes, skips);
        }
        else if (skips > 0 || small.FreshComplete)
        {
            // Lookahead assumes the same people next round, which is moot when someone sits out, and
            // with no history yet every round is as good a start as any other.
            round = Cheapest(small, budget, small.Fresh, sizes, skips);
        }
        else
        {
            round = Planned(small, budget, sizes);
        }
        return round is null ? null : ToGroups(small, round, unplaced);
    }

    private static int[]? Cheapest(SmallProblem small, SearchBudget budget, int[] graph, int[] sizes, int skips)
    {
        var search = new RoundSearch(small, budget) { Minimise = true };
        search.Run(graph, sizes, skips);
        return search.Best;
    }

    private static int[]? Planned(SmallProblem small, SearchBudget budget, int[] sizes)
    {
        var plans = new PlanSearch(small, budget, sizes);
        // Pairs get the full lookahead the round-robin needs; larger groups look one round ahead.
        var target = Math.Min(plans.MaxDepth(small.Fresh), small.GroupSize == 2 ? int.MaxValue : 2);
        if (target <= 1)
        {
            return Cheapest(small, budget, small.Fresh, sizes, 0);
        }
        plans.FindDeepest(small.Fresh, target);
        if (plans.BestDepth <= 1)
        {
            // Nothing deeper exists (or the budget ran out): lookahead cannot tell rounds apart.
            var first = plans.BestDepth == 1 ? plans.BestPlan[0] : null;
            return Cheapest(small, budget, small.Fresh, sizes, 0) ?? first;
        }

        // Rounds of a plan are interchangeable, so take its cheapest; then look for a cheaper round
        // that still leaves as deep a plan.
        var depth = plans.BestDepth;
        var best = plans.BestPlan.MinBy(small.RoundCost)!;
        var slice = budget.Slice(ImproveBudget);
        var lookahead = new PlanSearch(small, slice, sizes);
        var improver = new RoundSearch(small, slice)
        {
            Minimise = true,
            Bound = small.RoundCost(best),
            Accept = round => lookahead.CanHold(SmallProblem.Without(small.Fresh, round), depth - 1),
        };
        improver.Run(small.Fresh, sizes, 0);
        budget.Settle(slice);
        return improver.Best ?? best;
    }

    private static List<int[]> ToGroups(SmallProblem small, int[] round, List<int> unplaced)
    {
        var groups = new List<int[]>(round.Length);
        var placed = 0;
        foreach (var mask in round)
        {
            placed |= mask;
            var group = new int[BitOperations.PopCount((uint)mask)];
            var i = 0;
            for (var bits = mask; bits != 0; bits &= bits - 1)
            {
                group[i++] = small.Members[BitOperations.TrailingZeroCount(bits)];
            }
            groups.Add(group);
        }
        for (var v = 0; v < small.N; v++)
        {
            if ((placed & (1 << v)) == 0)
            {
                unplaced.Add(small.Members[v]);
            }
        }
        return groups;
    }
}
