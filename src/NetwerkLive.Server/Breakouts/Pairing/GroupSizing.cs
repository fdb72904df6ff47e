namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// How many groups of which size: ceil(n/k) groups as even as possible, unless that makes a group of
/// one, in which case floor(n/k) groups. So pairs with an odd count give exactly one triple, k=3 with
/// four people gives 2+2, and k=4 with five people gives 3+2; nobody is ever alone in a group.
/// </summary>
public static class GroupSizing
{
    /// <summary>Group sizes, largest first; empty when fewer than two people.</summary>
    public static int[] Sizes(int count, int groupSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(groupSize, PairingRequest.MinGroupSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(groupSize, PairingRequest.MaxGroupSize);
        if (count < 2)
        {
            return [];
        }
        var groups = (count + groupSize - 1) / groupSize;
        if (count / groups < 2)
        {
            groups = count / groupSize;
        }
        var sizes = new int[groups];
        var smallest = count / groups;
        var larger = count % groups;
        for (var i = 0; i < groups; i++)
        {
            sizes[i] = i < larger ? smallest + 1 : smallest;
        }
        return sizes;
    }

    /// <summary>The largest group the rule can produce for this group size (3 for pairs, k otherwise).</summary>
    public static int MaxSize(int groupSize) => Math.Max(3, groupSize);
}
