using NetwerkLive.Benchmarks;
using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Tests.Pairing;

public sealed class PairingEngineExamples
{
    private static readonly HashSet<PairKey> Nobody = [];

    private static Candidate Person(string id, string? company = null, params string[] interests) => new(id, company, interests);

    private static PairingResult Pair(IReadOnlyList<Candidate> candidates, int seed = 1, int groupSize = 2,
        HashSet<PairKey>? met = null, HashSet<PairKey>? blocked = null) =>
        PairingEngine.Pair(new PairingRequest(candidates, groupSize, met ?? Nobody, blocked ?? Nobody, seed));

    private static List<Candidate> People(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Person($"a{i:D4}"))];

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(21)]
    [InlineData(301)]
    public void OddCountWithPairsMakesExactlyOneTriple(int count)
    {
        for (var seed = 0; seed < 5; seed++)
        {
            var result = Pair(People(count), seed);

            Assert.Empty(result.Unplaced);
            Assert.Single(result.Groups, g => g.Count == 3);
            Assert.All(result.Groups, g => Assert.InRange(g.Count, 2, 3));
        }
    }

    [Fact]
    public void LonePersonIsUnplaced()
    {
        var result = Pair([Person("solo")]);

        Assert.Empty(result.Groups);
        Assert.Equal("solo", Assert.Single(result.Unplaced).Id);
    }

    [Fact]
    public void NobodyGivesNothing()
    {
        var result = Pair([]);

        Assert.Empty(result.Groups);
        Assert.Empty(result.Unplaced);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ColleaguesAreSplitWhenPossible(int seed)
    {
        // Four from one company and two each from two others: every Acme person can sit with someone
        // from elsewhere, and the other two companies can pair with each other's people.
        var candidates = new List<Candidate>
        {
            Person("acme1", "Acme"), Person("acme2", "ACME "), Person("acme3", " acme"), Person("acme4", "Acme"),
            Person("bolt1", "Bolt"), Person("bolt2", "bolt"), Person("cog1", "Cog"), Person("cog2", "COG"),
            Person("free1"), Person("free2", " "),
        };

        var result = Pair(candidates, seed);

        Assert.All(result.Groups, g => Assert.NotEqual(
            g[0].Company?.Trim().ToUpperInvariant() ?? "?0",
            g[1].Company?.Trim().ToUpperInvariant() ?? "?1"));
    }

    [Fact]
    public void ColleaguesAreSplitAtScale()
    {
        var candidates = Enumerable.Range(0, 400).Select(i => Person($"a{i:D4}", i % 2 == 0 ? "Acme" : "Bolt")).ToList();

        var result = Pair(candidates);

        Assert.All(result.Groups, g => Assert.NotEqual(g[0].Company, g[1].Company));
    }

    [Fact]
    public void NewPeopleComeBeforeSplittingColleagues()
    {
        // Everyone has met the other company's people; meeting a colleague is the only new meeting.
        var candidates = new List<Candidate> { Person("a1", "Acme"), Person("a2", "Acme"), Person("b1", "Bolt"), Person("b2", "Bolt") };
        var met = new HashSet<PairKey> { PairKey.Of("a1", "b1"), PairKey.Of("a1", "b2"), PairKey.Of("a2", "b1"), PairKey.Of("a2", "b2") };

        var result = Pair(candidates, met: met);

        Assert.Equal("a1,a2 | b1,b2 / ", result.Canonical());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void SharedInterestsBreakTies(int seed)
    {
        var candidates = new List<Candidate>
        {
            Person("ann", "Acme", "Sailing", "AI"), Person("bob", "Bolt", "ai "),
            Person("cas", "Cog", "Chess"), Person("dee", "Dyn", "CHESS", "Jazz"),
            Person("eve", "Elm", "Jazz"), Person("fay", "Fox", "Sailing"),
        };
        var met = new HashSet<PairKey> { PairKey.Of("ann", "fay"), PairKey.Of("dee", "eve") };

        var result = Pair(candidates, seed, met: met);

        // Without the history ann would have two matches; with it, each has exactly one fresh match.
        Assert.Equal("ann,bob | cas,dee | eve,fay / ", result.Canonical());
    }

    [Fact]
    public void SharedInterestsBreakTiesAtScale()
    {
        var candidates = Enumerable.Range(0, 200).Select(i => Person($"a{i:D4}", $"Co{i}", $"topic {i % 10}")).ToList();

        var result = Pair(candidates);

        Assert.All(result.Groups, g => Assert.Equal(g[0].Interests[0], g[1].Interests[0]));
    }

    [Fact]
    public void BlockedPairNeverGroupedEvenWhenThatLeavesSomeoneOut()
    {
        // ann blocked bob and cas: grouping all three is impossible, so ann sits this round out.
        var candidates = new List<Candidate> { Person("ann"), Person("bob"), Person("cas") };
        var blocked = new HashSet<PairKey> { PairKey.Of("ann", "bob"), PairKey.Of("cas", "ann") };

        for (var seed = 0; seed < 10; seed++)
        {
            var result = Pair(candidates, seed, blocked: blocked);

            Assert.Equal("bob,cas / ann", result.Canonical());
        }
    }

    [Fact]
    public void BlockedPairNeverGroupedEvenWhenThatLeavesBothOut()
    {
        var blocked = new HashSet<PairKey> { PairKey.Of("ann", "bob") };

        var result = Pair([Person("ann"), Person("bob")], blocked: blocked);

        Assert.Empty(result.Groups);
        Assert.Equal(2, result.Unplaced.Count);
    }

    [Fact]
    public void SomeoneWhoBlockedEveryoneSitsOutWhileTheRestArePlaced()
    {
        var candidates = People(41);
        var blocked = candidates.Skip(1).Select(c => PairKey.Of(candidates[0].Id, c.Id)).ToHashSet();

        var result = Pair(candidates, blocked: blocked);

        Assert.Equal(candidates[0].Id, Assert.Single(result.Unplaced).Id);
        Assert.All(result.Groups, g => Assert.Equal(2, g.Count));
    }

    [Theory]
    [InlineData(4, 2)]
    [InlineData(6, 3)]
    [InlineData(9, 4)]
    public void BlockedPairIsWorkedAroundWhenEveryoneCanStillBePlaced(int count, int groupSize)
    {
        var candidates = People(count);
        var blocked = new HashSet<PairKey> { PairKey.Of("a0000", "a0001"), PairKey.Of("a0001", "a0002") };

        for (var seed = 0; seed < 10; seed++)
        {
            var result = Pair(candidates, seed, groupSize, blocked: blocked);

            Assert.Empty(result.Unplaced);
            Assert.DoesNotContain(result.PairsMet(), blocked.Contains);
        }
    }

    [Fact]
    public void TenThousandPeopleWithHistoryAreAllPlacedWithoutRepeats()
    {
        var request = PairingWorkload.Create(10_000, earlierRounds: 10, seed: 7);

        var result = PairingEngine.Pair(request);

        Assert.Empty(result.Unplaced);
        Assert.Equal(5_000, result.Groups.Count);
        Assert.DoesNotContain(result.PairsMet(), request.AlreadyMet.Contains);
        Assert.DoesNotContain(result.PairsMet(), request.Blocked.Contains);
    }

    [Fact]
    public void DuplicateIdsAreRefused() =>
        Assert.Throws<ArgumentException>(() => Pair([Person("ann"), Person("bob"), Person("ann")]));

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void GroupSizeOutsideTwoToFourIsRefused(int groupSize) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Pair(People(4), groupSize: groupSize));

    [Fact]
    public void APairKeyIsTheSameWhicheverWayRound()
    {
        Assert.Equal(PairKey.Of("b", "a"), PairKey.Of("a", "b"));
        Assert.Equal("a", PairKey.Of("b", "a").First);
        Assert.Throws<ArgumentException>(() => PairKey.Of("a", "a"));
    }
}
