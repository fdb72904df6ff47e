using CsCheck;
using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Tests.Pairing;

/// <summary>Properties that hold for every request, checked on generated ones (CsCheck shrinks failures).</summary>
public sealed class PairingEngineProperties
{
    [Fact]
    public void EveryCandidateIsInExactlyOneGroupOrUnplaced() =>
        Scenario.Any.Sample(scenario =>
        {
            var request = scenario.ToRequest();
            PairingChecks.AssertEveryoneExactlyOnce(request, PairingEngine.Pair(request));
        }, iter: 200);

    [Fact]
    public void GroupSizesFollowTheSizingRuleForEveryonePlaced() =>
        Scenario.Any.Sample(scenario =>
        {
            var request = scenario.ToRequest();
            PairingChecks.AssertSizesFollowTheRule(request, PairingEngine.Pair(request));
        }, iter: 200);

    [Fact]
    public void BlockedPairsAreNeverInOneGroup() =>
        Scenario.Any.Sample(scenario =>
        {
            var request = scenario.ToRequest();
            PairingChecks.AssertNoBlockedPairTogether(request, PairingEngine.Pair(request));
        }, iter: 200);

    [Fact]
    public void NobodyIsLeftOutAndRepeatsAreFewestPossibleForSmallGroupsOfPeople() =>
        Scenario.Small.Sample(scenario =>
        {
            var result = PairingEngine.Pair(scenario.ToRequest());
            var (unplaced, repeats) = BruteForce.Best(scenario);
            Assert.Equal(unplaced, result.Unplaced.Count);
            Assert.Equal(repeats, result.PairsMet().Count(scenario.MetKeys().Contains));
        }, iter: 200);

    [Fact]
    public void NoRepeatsAndNobodyLeftOutWhenARepeatFreeGroupingIsKnownToExist() =>
        Scenario.Planted.Sample(scenario =>
        {
            var request = scenario.ToRequest();
            var result = PairingEngine.Pair(request);
            Assert.Empty(result.Unplaced);
            Assert.DoesNotContain(result.PairsMet(), request.AlreadyMet.Contains);
            PairingChecks.AssertNoBlockedPairTogether(request, result);
        }, iter: 200);

    [Fact]
    public void WithoutBlocksEveryoneButALonePersonIsPlaced() =>
        Scenario.Any.Sample(scenario =>
        {
            var request = scenario.ToRequest() with { Blocked = new HashSet<PairKey>() };
            Assert.Equal(scenario.Count == 1 ? 1 : 0, PairingEngine.Pair(request).Unplaced.Count);
        }, iter: 200);

    [Fact]
    public void TheSameRequestAndSeedGiveTheSameGroups() =>
        Scenario.Any.Sample(scenario =>
        {
            var first = PairingEngine.Pair(scenario.ToRequest());
            var again = PairingEngine.Pair(scenario.ToRequest());
            Assert.Equal(first.Exact(), again.Exact());
        }, iter: 200);

    [Fact]
    public void CandidateOrderAndSetOrderDoNotChangeTheGroups() =>
        Scenario.Any.Sample(scenario =>
        {
            var request = scenario.ToRequest();
            var shuffled = request with
            {
                Candidates = [.. request.Candidates.Reverse()],
                AlreadyMet = request.AlreadyMet.Reverse().ToHashSet(),
                Blocked = request.Blocked.Reverse().ToHashSet(),
            };
            Assert.Equal(PairingEngine.Pair(request).Exact(), PairingEngine.Pair(shuffled).Exact());
        }, iter: 200);

    [Theory]
    [InlineData(6, 2, 6)]
    [InlineData(9, 3, 6)]
    [InlineData(10, 2, 15)]
    [InlineData(40, 4, 18)]
    [InlineData(300, 2, 20)]
    public void DifferentSeedsGiveDifferentGroupings(int count, int groupSize, int atLeastDistinct)
    {
        var candidates = new Scenario(new int[count], [.. Enumerable.Repeat(Array.Empty<int>(), count)], [], [], groupSize, 0)
            .Candidates()
            .Select(c => c with { Company = null })
            .ToList();
        var groupings = Enumerable.Range(0, 20)
            .Select(seed => PairingEngine.Pair(new PairingRequest(candidates, groupSize, new HashSet<PairKey>(), new HashSet<PairKey>(), seed)).Canonical())
            .Distinct()
            .Count();
        Assert.True(groupings >= atLeastDistinct, $"only {groupings} distinct groupings over 20 seeds");
    }
}
