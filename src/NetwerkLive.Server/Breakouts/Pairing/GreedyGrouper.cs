namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// The fast first draft for any number of people: walk the people in (shuffled) index order; each
/// group starts with the first person still free and takes, for each further seat, the cheapest of
/// the next <see cref="Window"/> free people. A bounded window keeps this O(n·Window) for 10,000
/// people while still seeing enough people to dodge the rare repeat, colleague or block.
/// </summary>
internal static class GreedyGrouper
{
    public const int Window = 32;

    // When the whole window is a repeat or a block, look further before settling.
    private const int ExtendedWindow = Window * 16;

    public static int[][] Group(PairingProblem problem, ReadOnlySpan<int> members)
    {
        var sizes = GroupSizing.Sizes(members.Length, problem.GroupSize);
        var groups = new int[sizes.Length][];
        if (sizes.Length == 0)
        {
            return groups;
        }

        // A doubly linked list over positions of the people still free, in index order.
        var next = new int[members.Length];
        var prev = new int[members.Length];
        for (var p = 0; p < members.Length; p++)
        {
            next[p] = p + 1 < members.Length ? p + 1 : -1;
            prev[p] = p - 1;
        }
        var head = 0;

        void Take(int p)
        {
            if (prev[p] >= 0)
            {
                next[prev[p]] = next[p];
            }
            else
            {
                head = next[p];
            }
            if (next[p] >= 0)
            {
                prev[next[p]] = prev[p];
            }
        }

        for (var g = 0; g < sizes.Length; g++)
        {
            var group = new int[sizes[g]];
            group[0] = members[head];
            Take(head);
            for (var seat = 1; seat < group.Length; seat++)
            {
                var best = -1;
                var bestCost = long.MaxValue;
                var seen = 0;
                for (var p = head; p >= 0; p = next[p])
                {
                    if (seen == Window && bestCost < PairingProblem.RepeatWeight)
                    {
                        break;
                    }
                    if (seen == ExtendedWindow)
                    {
                        break;
                    }
                    seen++;
                    var cost = 0L;
                    for (var s = 0; s < seat; s++)
                    {
                        cost += problem.Cost(group[s], members[p]);
                    }
                    if (cost < bestCost)
                    {
                        bestCost = cost;
                        best = p;
                    }
                }
                group[seat] = members[best];
                Take(best);
            }
            groups[g] = group;
        }
        return groups;
    }
}
