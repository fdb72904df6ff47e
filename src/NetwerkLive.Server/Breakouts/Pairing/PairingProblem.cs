using System.Numerics;

namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// A request turned into integers: people are 0..n-1, companies and interests are small ids, and the
/// met/blocked history is an adjacency list sorted per person. The search loops then never hash a
/// string, and nothing depends on the iteration order of the caller's sets.
/// </summary>
/// <remarks>
/// People are numbered in the order of a seeded hash of their id. That order is the round's
/// randomness (every search breaks ties by index), it is the same whatever order the caller listed
/// the candidates in, and sorting by a number is several times cheaper than shuffling after a string
/// sort at 10,000 people.
/// </remarks>
internal sealed class PairingProblem
{
    // Pair costs, lexicographic by weight: one step of a heavier kind outweighs every lighter term a
    // local move or a small round can change (at most 24 pairs of at most SharedCap or lighter weight).
    public const long SharedCap = 1023;
    public const long ComplementWeight = 1L << 15;

    /// <summary>The most a pair's <see cref="Affinity"/> can be.</summary>
    public const long MaxAffinity = ComplementWeight + SharedCap;
    public const long ColleagueWeight = 1L << 20;
    public const long RepeatWeight = 1L << 34;
    public const long BlockWeight = 1L << 48;

    private const byte MetFlag = 1;
    private const byte BlockedFlag = 2;

    private readonly int[] _company;
    private readonly Interests _interests;
    private readonly AskOfferMatch.Terms?[]? _asks;
    private readonly AskOfferMatch.Terms?[]? _offers;
    private readonly Links _links;

    private PairingProblem(PairingRequest request, Candidate[] people)
    {
        People = people;
        GroupSize = request.GroupSize;
        Seed = request.Seed;
        var index = new Dictionary<string, int>(people.Length, StringComparer.Ordinal);
        for (var i = 0; i < people.Length; i++)
        {
            if (!index.TryAdd(people[i].Id, i))
            {
                throw new ArgumentException($"Candidate '{people[i].Id}' is listed twice.", nameof(request));
            }
        }
        _company = Companies(people);
        _interests = new Interests(people);
        // Read once per person; null arrays when nobody wrote one, so the cost of a pair stays a few comparisons.
        if (people.Any(p => p.Ask is not null || p.Offer is not null))
        {
            _asks = [.. people.Select(p => AskOfferMatch.Terms.Of(p.Ask))];
            _offers = [.. people.Select(p => AskOfferMatch.Terms.Of(p.Offer))];
        }
        var links = new LinkBuilder(people.Length, (request.AlreadyMet.Count + request.Blocked.Count) * 2);
        links.AddAll(index, request.AlreadyMet, MetFlag);
        links.AddAll(index, request.Blocked, BlockedFlag);
        _links = links.Build(BlockedFlag);
    }

    /// <summary>The candidates in index order.</summary>
    public Candidate[] People { get; }

    public int Count => People.Length;

    public int GroupSize { get; }

    public int Seed { get; }

    public static PairingProblem Build(PairingRequest request)
    {
        var people = request.Candidates.ToArray();
        var keys = new ulong[people.Length];
        for (var i = 0; i < people.Length; i++)
        {
            if (people[i] is null || people[i].Id is null)
            {
                throw new ArgumentException("Candidates and their ids must not be null.", nameof(request));
            }
            keys[i] = SeededHash(people[i].Id, request.Seed);
        }
        Array.Sort(keys, people);
        BreakTies(keys, people);
        return new PairingProblem(request, people);
    }

    /// <summary>FNV-1a over the id's characters, mixed with the seed by a SplitMix64 finaliser.</summary>
    private static ulong SeededHash(string id, int seed)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return new SeededRandom(hash ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL)).NextUInt64();
    }

    /// <summary>Equal hashes are astronomically rare, but the order must not depend on the input's.</summary>
    private static void BreakTies(ulong[] keys, Candidate[] people)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] == keys[i - 1])
            {
                var end = i + 1;
                while (end < keys.Length && keys[end] == keys[i])
                {
                    end++;
                }
                Array.Sort(people, i - 1, end - i + 1, Comparer<Candidate>.Create((a, b) => string.CompareOrdinal(a.Id, b.Id)));
                i = end;
            }
        }
    }

    private static int[] Companies(Candidate[] people)
    {
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        var company = new int[people.Length];
        for (var i = 0; i < people.Length; i++)
        {
            company[i] = Interests.IdOf(ids, people[i].Company);
        }
        return company;
    }

    /// <summary>How many of the other candidates this person may not be grouped with.</summary>
    public int BlockedCount(int person) => _links.BlockedCount[person];

    public bool IsBlocked(int a, int b) => (_links.Flags(a, b) & BlockedFlag) != 0;

    public bool HasMet(int a, int b) => (_links.Flags(a, b) & MetFlag) != 0;

    public bool AreColleagues(int a, int b) => _company[a] >= 0 && _company[a] == _company[b];

    /// <summary>Whether one's ask matches the other's offer (either way): <see cref="AskOfferMatch"/>.</summary>
    public bool AreComplementary(int a, int b) =>
        _asks is not null && AskOfferMatch.Complementary(_asks[a], _offers![a], _asks[b], _offers[b]);

    /// <summary>
    /// What speaks for grouping the two, after blocks, repeats and colleagues: being complementary outweighs any
    /// number of shared interests (<see cref="ComplementWeight"/>), which break the remaining ties.
    /// </summary>
    public long Affinity(int a, int b) =>
        Math.Min(_interests.Shared(a, b), SharedCap) + (AreComplementary(a, b) ? ComplementWeight : 0);

    /// <summary>Whether the person has anything a pair's <see cref="Affinity"/> can use.</summary>
    public bool HasInterests(int person) => _interests.Any(person) || (_asks is not null && (_asks[person] is not null || _offers![person] is not null));

    /// <summary>The pair's cost with <see cref="BlockWeight"/> for a block: lower is better.</summary>
    public long Cost(int a, int b)
    {
        var cost = -Affinity(a, b);
        var flags = _links.Flags(a, b);
        if (flags != 0)
        {
            cost += (flags & BlockedFlag) != 0 ? BlockWeight : 0;
            cost += (flags & MetFlag) != 0 ? RepeatWeight : 0;
        }
        return AreColleagues(a, b) ? cost + ColleagueWeight : cost;
    }

    /// <summary>Met/blocked links per person: <c>Other[Start[i]..Start[i+1]]</c>, ascending.</summary>
    internal sealed class Links(int[] start, int[] other, byte[] flags, int[] blockedCount)
    {
        public int[] BlockedCount { get; } = blockedCount;

        public byte Flags(int a, int b)
        {
            // Search the shorter list: most people have about one link per earlier round.
            if (start[a + 1] - start[a] > start[b + 1] - start[b])
            {
                (a, b) = (b, a);
            }
            var length = start[a + 1] - start[a];
            if (length == 0)
            {
                return 0;
            }
            var list = other.AsSpan(start[a], length);
            // A vectorised scan beats binary search on the short lists that are the norm.
            var at = length <= 32 ? list.IndexOf(b) : list.BinarySearch(b);
            return at >= 0 ? flags[start[a] + at] : (byte)0;
        }
    }

    /// <summary>Interests as one 64-bit mask per person when there are at most 64 distinct ones.</summary>
    private sealed class Interests
    {
        private readonly ulong[]? _masks;
        private readonly int[][]? _lists;

        public Interests(Candidate[] people)
        {
            var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
            var lists = new int[people.Length][];
            var buffer = new List<int>();
            for (var i = 0; i < people.Length; i++)
            {
                buffer.Clear();
                foreach (var interest in people[i].Interests ?? [])
                {
                    var id = IdOf(ids, interest);
                    if (id >= 0 && !buffer.Contains(id))
                    {
                        buffer.Add(id);
                    }
                }
                buffer.Sort();
                lists[i] = [.. buffer];
            }
            if (ids.Dictionary.Count <= 64)
            {
                _masks = new ulong[people.Length];
                for (var i = 0; i < people.Length; i++)
                {
                    foreach (var id in lists[i])
                    {
                        _masks[i] |= 1UL << id;
                    }
                }
            }
            else
            {
                _lists = lists;
            }
        }

        public static int IdOf(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ids, string? text)
        {
            var key = text.AsSpan().Trim();
            if (key.IsEmpty)
            {
                return -1;
            }
            if (!ids.TryGetValue(key, out var id))
            {
                id = ids.Dictionary.Count;
                ids.TryAdd(key, id);
            }
            return id;
        }

        public bool Any(int person) => _masks is not null ? _masks[person] != 0 : _lists![person].Length > 0;

        public int Shared(int a, int b)
        {
            if (_masks is not null)
            {
                return BitOperations.PopCount(_masks[a] & _masks[b]);
            }
            var (x, y) = (_lists![a], _lists[b]);
            int i = 0, j = 0, shared = 0;
            while (i < x.Length && j < y.Length)
            {
                if (x[i] == y[j])
                {
                    shared++;
                    i++;
                    j++;
                }
                else if (x[i] < y[j])
                {
                    i++;
                }
                else
                {
                    j++;
                }
            }
            return shared;
        }
    }
}
