using NetwerkLive.Contracts;
using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Tests.Pairing;

/// <summary>Complementary people (one's ask matches the other's offer) are grouped before others, after colleagues.</summary>
public sealed class ComplementaryPairingTests
{
    private static readonly HashSet<PairKey> Nobody = [];

    // Four asks, each matching exactly one offer (by a word or a tag); four people from other companies without either.
    private static List<Candidate> TenPeople() =>
    [
        new("ann", "Hoya", []) { Ask = new AskOffer("Wie kent de subsidieregels?", []) },
        new("bob", "Bakkerij Bos", []) { Offer = new AskOffer("Ik ken de subsidieregels", []) },
        new("cas", "Cafe Cas", []) { Ask = new AskOffer("Een goede boekhouder", ["Financiën"]) },
        new("dirk", "Dirk BV", []) { Offer = new AskOffer("Administratie voor kleine bedrijven", ["financiën"]) },
        new("eva", "Eva Events", []) { Ask = new AskOffer("Een locatie voor een zomerfeest", []) },
        new("fien", "Fien Vastgoed", []) { Offer = new AskOffer("Een mooie locatie aan het water", []) },
        new("gijs", "Gijs ICT", []) { Ask = new AskOffer("Hulp met webshops", []) },
        new("hanna", "Hanna Online", []) { Offer = new AskOffer("Ik bouw webshops", []) },
        new("ivo", "Ivo Installatie", []),
        new("jet", "Jet Juristen", []),
    ];

    private static readonly (string, string)[] ComplementaryPairs = [("ann", "bob"), ("cas", "dirk"), ("eva", "fien"), ("gijs", "hanna")];

    private static HashSet<(string, string)> Pairs(PairingResult result) =>
        [.. result.Groups.Where(g => g.Count == 2).Select(g => string.CompareOrdinal(g[0].Id, g[1].Id) < 0 ? (g[0].Id, g[1].Id) : (g[1].Id, g[0].Id))];

    [Fact]
    public void ComplementaryPairsAreMadeWhateverTheSeed()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var pairs = Pairs(PairingEngine.Pair(new PairingRequest(TenPeople(), 2, Nobody, Nobody, seed)));

            Assert.Superset(ComplementaryPairs.ToHashSet(), pairs);
        }
    }

    [Fact]
    public void WithoutAsksAndOffersTheSamePeopleArePairedByChance()
    {
        var plain = TenPeople().Select(c => new Candidate(c.Id, c.Company, c.Interests)).ToList();

        var seedsWithAllFour = Enumerable.Range(0, 40)
            .Count(seed => Pairs(PairingEngine.Pair(new PairingRequest(plain, 2, Nobody, Nobody, seed))).IsSupersetOf(ComplementaryPairs));

        Assert.True(seedsWithAllFour < 5, $"{seedsWithAllFour} of 40 seeds made all four pairs without asks and offers.");
    }

    [Fact]
    public void ColleaguesAreStillAvoidedBeforeComplementaryPeopleArePaired()
    {
        // Ann's ask matches Bob's offer, but they are colleagues; Cas and Dirk are not.
        List<Candidate> people =
        [
            new("ann", "Hoya", []) { Ask = new AskOffer("Wie kent de subsidieregels?", []) },
            new("bob", "HOYA", []) { Offer = new AskOffer("Ik ken de subsidieregels", []) },
            new("cas", "Cafe Cas", []),
            new("dirk", "Dirk BV", []),
        ];

        for (var seed = 0; seed < 10; seed++)
        {
            Assert.DoesNotContain(("ann", "bob"), Pairs(PairingEngine.Pair(new PairingRequest(people, 2, Nobody, Nobody, seed))));
        }
    }

    [Fact]
    public void BeingComplementaryOutweighsSharedInterests()
    {
        List<Candidate> people =
        [
            new("ann", "Hoya", ["Zorg", "Wonen"]) { Ask = new AskOffer("Wie kent de subsidieregels?", []) },
            new("bob", "Bakkerij Bos", []) { Offer = new AskOffer("Ik ken de subsidieregels", []) },
            new("cas", "Cafe Cas", ["Zorg", "Wonen"]),
            new("dirk", "Dirk BV", []),
        ];

        for (var seed = 0; seed < 10; seed++)
        {
            Assert.Contains(("ann", "bob"), Pairs(PairingEngine.Pair(new PairingRequest(people, 2, Nobody, Nobody, seed))));
        }
    }
}
