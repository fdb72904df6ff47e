using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Tests.Pairing;

/// <summary>
/// Successive rounds among the same people, each round's history being every pair of the rounds
/// before: the engine must keep people meeting someone new for as long as that is possible at all.
/// </summary>
public sealed class RoundRobinTests
{
    /// <summary>Plays <paramref name="rounds"/> rounds; returns the repeated pairs of each round.</summary>
    private static List<int> Play(int count, int rounds, int seed, int groupSize = 2)
    {
        var candidates = Enumerable.Range(0, count).Select(i => new Candidate($"m{i:D2}", null, [])).ToList();
        var met = new HashSet<PairKey>();
        var repeatsPerRound = new List<int>();
        for (var round = 0; round < rounds; round++)
        {
            var result = PairingEngine.Pair(new PairingRequest(candidates, groupSize, met, new HashSet<PairKey>(), (seed * 100) + round));
            Assert.Empty(result.Unplaced);
            var pairs = result.PairsMet().ToList();
            repeatsPerRound.Add(pairs.Count(met.Contains));
            met.UnionWith(pairs);
        }
        return repeatsPerRound;
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(12)]
    [InlineData(16)]
    public void PerfectRoundRobinForEvenCounts(int count)
    {
        // n-1 rounds of n/2 pairs are n(n-1)/2 pairs: every pair exactly once, so no round may repeat.
        foreach (var seed in new[] { 1, 2, 3, 42, 2024 })
        {
            var repeats = Play(count, count - 1, seed);

            Assert.All(repeats, r => Assert.Equal(0, r));
        }
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(7, 3)]
    [InlineData(9, 6)]
    public void MaximumDistinctPairsForOddCounts(int count, int repeatFreeRounds)
    {
        // With one triple a round, K5 holds one repeat-free round, K7 three and K9 six (found by
        // exhaustive search). The engine must reach that, and avoid repeats while it can.
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var repeats = Play(count, repeatFreeRounds + 1, seed);

            Assert.All(repeats.Take(repeatFreeRounds), r => Assert.Equal(0, r));
            Assert.NotEqual(0, repeats[^1]);
        }
    }

    [Fact]
    public void TwentyOneAttendeesMeetOnlyNewPeopleInTwoRounds()
    {
        var repeats = Play(21, 2, seed: 5);

        Assert.Equal([0, 0], repeats);
    }

    [Theory]
    [InlineData(12, 3, 4)]
    [InlineData(16, 4, 3)]
    public void LargerGroupsAlsoMeetNewPeopleForSeveralRounds(int count, int groupSize, int rounds)
    {
        var repeats = Play(count, rounds, seed: 9, groupSize);

        Assert.All(repeats, r => Assert.Equal(0, r));
    }
}
