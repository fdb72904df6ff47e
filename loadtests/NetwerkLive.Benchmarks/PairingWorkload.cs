using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Benchmarks;

/// <summary>
/// The pairing load from the requirements: the same people after <c>earlierRounds</c> rounds of
/// random pairs (about n/2 pairs a round, all in AlreadyMet), 1% of those pairs blocked afterwards,
/// 200 companies, and three interests each from a pool of 50. Also used by the tests, so the
/// benchmarked case is known to be paired correctly.
/// </summary>
public static class PairingWorkload
{
    public const int Companies = 200;
    public const int InterestPool = 50;
    public const int InterestsEach = 3;
    public const int BlockedPercent = 1;

    public static PairingRequest Create(int count, int earlierRounds, int seed)
    {
        var random = new Random(seed);
        var pool = Enumerable.Range(0, InterestPool).Select(i => $"interest {i}").ToArray();
        var candidates = new Candidate[count];
        for (var i = 0; i < count; i++)
        {
            var interests = new string[InterestsEach];
            for (var j = 0; j < InterestsEach; j++)
            {
                interests[j] = pool[random.Next(pool.Length)];
            }
            candidates[i] = new Candidate($"att-{i:D6}", $"Company {random.Next(Companies)}", interests);
        }

        var met = new HashSet<PairKey>();
        var order = Enumerable.Range(0, count).ToArray();
        for (var round = 0; round < earlierRounds; round++)
        {
            random.Shuffle(order);
            for (var i = 0; i + 1 < count; i += 2)
            {
                met.Add(PairKey.Of(candidates[order[i]].Id, candidates[order[i + 1]].Id));
            }
        }
        var blocked = new HashSet<PairKey>();
        foreach (var pair in met.Order(PairOrder.Instance))
        {
            if (random.Next(100) < BlockedPercent)
            {
                blocked.Add(pair);
            }
        }
        return new PairingRequest(candidates, 2, met, blocked, seed);
    }

    /// <summary>Sorts pairs so that choosing the blocked ones does not depend on set order.</summary>
    private sealed class PairOrder : IComparer<PairKey>
    {
        public static readonly PairOrder Instance = new();

        public int Compare(PairKey x, PairKey y)
        {
            var first = string.CompareOrdinal(x.First, y.First);
            return first != 0 ? first : string.CompareOrdinal(x.Second, y.Second);
        }
    }
}
