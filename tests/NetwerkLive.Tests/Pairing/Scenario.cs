using CsCheck;
using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Tests.Pairing;

/// <summary>
/// A pairing request in plain numbers, so CsCheck can generate and shrink it: person i has id
/// "p{i}", company <see cref="Companies"/>[i] (-1 = none), interests by number. Company and interest
/// names are spelled with varying case and spaces, so the case-insensitive rule is always exercised.
/// </summary>
public sealed record Scenario(
    int[] Companies,
    int[][] Interests,
    (int A, int B)[] Met,
    (int A, int B)[] Blocked,
    int GroupSize,
    int Seed)
{
    private static readonly string[] CompanySpellings = ["Company {0}", "COMPANY {0}", "  company {0} "];
    private static readonly string[] InterestSpellings = ["topic {0}", "Topic {0}", "TOPIC {0} "];

    public int Count => Companies.Length;

    /// <summary>Up to 40 people (so both the exact search and the heuristic run), random everything.</summary>
    public static readonly Gen<Scenario> Any =
        from n in Gen.Int[0, 40]
        from groupSize in Gen.Int[2, 4]
        from companies in Gen.Int[-1, 5].Array[n]
        from interests in Gen.Int[0, 7].Array[0, 3].Array[n]
        from met in PairOf(n).Array[0, 3 * n]
        from blocked in PairOf(n).Array[0, (n / 2) + 1]
        from seed in Gen.Int
        select new Scenario(companies, interests, met, blocked, groupSize, seed);

    /// <summary>Few enough people that a brute-force search can say what is possible.</summary>
    public static readonly Gen<Scenario> Small =
        from n in Gen.Int[0, 9]
        from groupSize in Gen.Int[2, 4]
        from companies in Gen.Int[-1, 2].Array[n]
        from met in PairOf(n).Array[0, 2 * n]
        from blocked in PairOf(n).Array[0, 2 * n]
        from seed in Gen.Int
        select new Scenario(companies, [.. companies.Select(_ => Array.Empty<int>())], met, blocked, groupSize, seed);

    /// <summary>
    /// A history built around a hidden grouping: every pair outside the hidden groups may have met
    /// or be blocked, none inside. So a grouping without repeats or blocks is known to exist. Up to
    /// 16 people the history is as dense as it likes (the search is exact); above that it stays thin,
    /// which is the regime the heuristic is built for.
    /// </summary>
    public static readonly Gen<Scenario> Planted =
        from n in Gen.Int[2, 40]
        from groupSize in Gen.Int[2, 4]
        from hide in Gen.Int
        from metPercent in Gen.Int[0, n <= 16 ? 100 : 6]
        from blockPercent in Gen.Int[0, 5]
        from companies in Gen.Int[-1, 3].Array[n]
        from seed in Gen.Int
        select PlantAround(n, groupSize, hide, metPercent, blockPercent, companies, seed);

    private static Gen<(int, int)> PairOf(int n) =>
        n < 2 ? Gen.Const((0, 0)) : Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 1]);

    private static Scenario PlantAround(int n, int groupSize, int hide, int metPercent, int blockPercent, int[] companies, int seed)
    {
        var random = new Random(hide);
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var hidden = new int[n];
        var start = 0;
        var sizes = GroupSizing.Sizes(n, groupSize);
        for (var g = 0; g < sizes.Length; g++)
        {
            foreach (var person in order.AsSpan(start, sizes[g]))
            {
                hidden[person] = g;
            }
            start += sizes[g];
        }
        var met = new List<(int, int)>();
        var blocked = new List<(int, int)>();
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (hidden[a] == hidden[b])
                {
                    continue;
                }
                if (random.Next(100) < metPercent)
                {
                    met.Add((a, b));
                }
                if (random.Next(100) < blockPercent)
                {
                    blocked.Add((a, b));
                }
            }
        }
        return new Scenario(companies, [.. companies.Select(_ => Array.Empty<int>())], [.. met], [.. blocked], groupSize, seed);
    }

    public static string Id(int person) => $"p{person:D2}";

    public static int Person(Candidate candidate) => int.Parse(candidate.Id.AsSpan(1), provider: null);

    public List<Candidate> Candidates() =>
        [.. Enumerable.Range(0, Count).Select(i => new Candidate(
            Id(i),
            Companies[i] < 0 ? null : string.Format(null, CompanySpellings[i % 3], Companies[i]),
            [.. Interests[i].Select(topic => string.Format(null, InterestSpellings[(i + topic) % 3], topic))]))];

    public HashSet<PairKey> MetKeys() => Keys(Met);

    public HashSet<PairKey> BlockedKeys() => Keys(Blocked);

    public PairingRequest ToRequest() => new(Candidates(), GroupSize, MetKeys(), BlockedKeys(), Seed);

    public bool IsBlocked(int a, int b) => Blocked.Any(p => (p.A == a && p.B == b) || (p.A == b && p.B == a));

    private static HashSet<PairKey> Keys((int A, int B)[] pairs) =>
        [.. pairs.Where(p => p.A != p.B).Select(p => PairKey.Of(Id(p.A), Id(p.B)))];

    public override string ToString() =>
        $"n={Count} k={GroupSize} seed={Seed} companies=[{string.Join(',', Companies)}] " +
        $"met=[{string.Join(' ', Met.Select(p => $"{p.A}-{p.B}"))}] blocked=[{string.Join(' ', Blocked.Select(p => $"{p.A}-{p.B}"))}]";
}
