using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Tests.Pairing;

/// <summary>Readings of a result that several tests assert on.</summary>
internal static class PairingChecks
{
    /// <summary>Every pair that sits together in some group.</summary>
    public static IEnumerable<PairKey> PairsMet(this PairingResult result)
    {
        foreach (var group in result.Groups)
        {
            for (var a = 0; a < group.Count; a++)
            {
                for (var b = a + 1; b < group.Count; b++)
                {
                    yield return PairKey.Of(group[a].Id, group[b].Id);
                }
            }
        }
    }

    /// <summary>A canonical text of the grouping, for comparing results.</summary>
    public static string Canonical(this PairingResult result) =>
        string.Join(" | ", result.Groups.Select(g => string.Join(",", g.Select(c => c.Id).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)) + " / " + string.Join(",", result.Unplaced.Select(c => c.Id).Order(StringComparer.Ordinal));

    /// <summary>The exact text of the result, order included, for determinism.</summary>
    public static string Exact(this PairingResult result) =>
        string.Join(" | ", result.Groups.Select(g => string.Join(",", g.Select(c => c.Id)))) + " / " + string.Join(",", result.Unplaced.Select(c => c.Id));

    public static int[] SizesDescending(this PairingResult result) =>
        [.. result.Groups.Select(g => g.Count).OrderDescending()];

    public static void AssertEveryoneExactlyOnce(PairingRequest request, PairingResult result)
    {
        var placed = result.Groups.SelectMany(g => g).Concat(result.Unplaced).Select(c => c.Id).ToList();
        Assert.Equal(placed.Count, placed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            request.Candidates.Select(c => c.Id).Order(StringComparer.Ordinal),
            placed.Order(StringComparer.Ordinal));
    }

    public static void AssertSizesFollowTheRule(PairingRequest request, PairingResult result)
    {
        var placed = result.Groups.Sum(g => g.Count);
        Assert.All(result.Groups, g => Assert.InRange(g.Count, 2, Math.Max(3, request.GroupSize)));
        Assert.Equal(GroupSizing.Sizes(placed, request.GroupSize), result.SizesDescending());
    }

    public static void AssertNoBlockedPairTogether(PairingRequest request, PairingResult result) =>
        Assert.DoesNotContain(result.PairsMet(), request.Blocked.Contains);
}
