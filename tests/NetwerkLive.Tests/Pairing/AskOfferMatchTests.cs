using NetwerkLive.Contracts;
using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Tests.Pairing;

/// <summary>The one rule for "one's ask matches the other's offer" (docs/hub-contract.md, complementary pairing).</summary>
public sealed class AskOfferMatchTests
{
    private static AskOffer Text(string text, params string[] tags) => new(text, tags);

    [Fact]
    public void AShardTagMatchesIgnoringCase()
    {
        Assert.True(AskOfferMatch.Matches(Text("Een boekhouder", "Financiën"), Text("Administratie", "FINANCIËN")));
    }

    [Fact]
    public void ASharedWordMatchesIgnoringCaseAndPunctuation()
    {
        Assert.True(AskOfferMatch.Matches(Text("Wie kent de SUBSIDIEREGELS?"), Text("Ik ken subsidieregels, al jaren")));
    }

    [Fact]
    public void AccentsDoNotStandInTheWayOfAMatch()
    {
        Assert.True(AskOfferMatch.Matches(Text("Een goed café voor een borrel"), Text("Mijn cafe heeft een zaaltje")));
    }

    [Fact]
    public void WordsShorterThanFourCharactersDoNotMatch()
    {
        Assert.False(AskOfferMatch.Matches(Text("Een app voor de zaak"), Text("Ik bouw een app")));
    }

    [Fact]
    public void StopWordsDoNotMatch()
    {
        Assert.False(AskOfferMatch.Matches(Text("Ik zoek iemand voor hulp met marketing"), Text("Ik bied graag hulp aan iemand met juridische vragen")));
        Assert.False(AskOfferMatch.Matches(Text("Looking for someone with ideas about hiring"), Text("Happy to help someone with ideas about taxes")));
    }

    [Fact]
    public void AnAskDoesNotMatchAnotherAsk()
    {
        Assert.False(AskOfferMatch.Matches(Text("Subsidieregels"), null));
        Assert.False(AskOfferMatch.Complementary(Text("Subsidieregels"), null, Text("Subsidieregels"), null));
    }

    [Fact]
    public void ComplementaryWorksEitherWay()
    {
        var asks = Text("Wie kent de subsidieregels?");
        var offers = Text("Ik ken de subsidieregels");

        Assert.True(AskOfferMatch.Complementary(asks, null, null, offers));
        Assert.True(AskOfferMatch.Complementary(null, offers, asks, null));
    }
}
