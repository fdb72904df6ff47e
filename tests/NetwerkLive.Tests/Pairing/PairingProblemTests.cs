using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Tests.Pairing;

/// <summary>How a request is read: the rules for companies, interests and history pairs.</summary>
public sealed class PairingProblemTests
{
    private static (PairingProblem Problem, Func<string, int> Index) Read(
        IReadOnlyList<Candidate> candidates, HashSet<PairKey>? met = null, HashSet<PairKey>? blocked = null)
    {
        var problem = PairingProblem.Build(new PairingRequest(candidates, 2, met ?? [], blocked ?? [], Seed: 3));
        return (problem, id => Array.FindIndex(problem.People, c => c.Id == id));
    }

    [Fact]
    public void CompaniesMatchIgnoringCaseAndSurroundingSpaces()
    {
        var (problem, at) = Read([new("a", "Acme BV", []), new("b", "  ACME bv ", []), new("c", "Acme", [])]);

        Assert.True(problem.AreColleagues(at("a"), at("b")));
        Assert.False(problem.AreColleagues(at("a"), at("c")));
    }

    [Fact]
    public void UnknownCompaniesAreNeverColleagues()
    {
        var (problem, at) = Read([new("a", null, []), new("b", "", []), new("c", "   ", []), new("d", null, [])]);

        Assert.False(problem.AreColleagues(at("a"), at("d")));
        Assert.False(problem.AreColleagues(at("b"), at("c")));
        Assert.False(problem.AreColleagues(at("a"), at("b")));
    }

    [Fact]
    public void SharedInterestsAreCountedIgnoringCaseAndDuplicates()
    {
        var (problem, at) = Read([new("a", null, ["AI", "Jazz", "ai", " Chess"]), new("b", null, ["jazz", "CHESS", "Golf"])]);

        Assert.Equal(2, problem.Affinity(at("a"), at("b")));
    }

    [Fact]
    public void HistoryPairsAreFoundEitherWayRoundAndStrangersAreIgnored()
    {
        var met = new HashSet<PairKey> { PairKey.Of("b", "a"), PairKey.Of("a", "somebody-not-here") };
        var blocked = new HashSet<PairKey> { PairKey.Of("c", "b"), PairKey.Of("a", "b") };

        var (problem, at) = Read([new("a", null, []), new("b", null, []), new("c", null, [])], met, blocked);

        Assert.True(problem.HasMet(at("a"), at("b")));
        Assert.True(problem.HasMet(at("b"), at("a")));
        Assert.False(problem.HasMet(at("a"), at("c")));
        Assert.True(problem.IsBlocked(at("b"), at("c")));
        Assert.True(problem.IsBlocked(at("a"), at("b")));
        Assert.Equal(2, problem.BlockedCount(at("b")));
        Assert.Equal(1, problem.BlockedCount(at("a")));
    }

    [Fact]
    public void CostsAreLexicographicBlockThenRepeatThenColleagueThenInterests()
    {
        var met = new HashSet<PairKey> { PairKey.Of("a", "b") };
        var (problem, at) = Read([new("a", "X", ["ai"]), new("b", "Y", ["ai"]), new("c", "X", []), new("d", "Z", ["ai"])], met);

        var repeat = problem.Cost(at("a"), at("b"));
        var colleague = problem.Cost(at("a"), at("c"));
        var sharing = problem.Cost(at("a"), at("d"));

        Assert.True(repeat > colleague);
        Assert.True(colleague > sharing);
        Assert.Equal(-1, sharing);
    }

    [Fact]
    public void TheOrderComesFromTheSeedNotFromTheInput()
    {
        var people = Enumerable.Range(0, 50).Select(i => new Candidate($"p{i}", null, [])).ToList();

        var forward = PairingProblem.Build(new PairingRequest(people, 2, new HashSet<PairKey>(), new HashSet<PairKey>(), 7)).People;
        var backward = PairingProblem.Build(new PairingRequest([.. Enumerable.Reverse(people)], 2, new HashSet<PairKey>(), new HashSet<PairKey>(), 7)).People;
        var otherSeed = PairingProblem.Build(new PairingRequest(people, 2, new HashSet<PairKey>(), new HashSet<PairKey>(), 8)).People;

        Assert.Equal(forward.Select(c => c.Id), backward.Select(c => c.Id));
        Assert.NotEqual(forward.Select(c => c.Id), otherSeed.Select(c => c.Id));
    }
}
