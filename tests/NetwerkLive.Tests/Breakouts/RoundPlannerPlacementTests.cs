using NetwerkLive.Server.Breakouts;
using static NetwerkLive.Tests.Breakouts.PlannerWorld;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>People who become free during a round (late joiners) and people who leave their group.</summary>
public sealed class RoundPlannerPlacementTests
{
    private const long HalfTime = T0 + (RoundSeconds * Second / 2);

    private readonly PlannerWorld _world = new();

    [Fact]
    public void ALateJoinerIsPairedWithSomeoneWaitingBeforeAnyGroupGrows()
    {
        _world.StartRound([["Ann", "Bob"]], unplaced: ["Cas"]);

        var fx = _world.PlaceLateJoiner("Dee", T0 + Minute);

        Assert.Equal("Cas+Dee", Names(Assert.Single(fx.Started).Members));
        Assert.Empty(_world.Round.Waiting);
        Assert.Equal("Ann+Bob", Names(_world.GroupOf("Ann").Members));
    }

    [Fact]
    public void ALateJoinerGetsAWaitingPersonTheyHaveNotMetOverOneWaitingLonger()
    {
        _world.StartRound([], unplaced: ["Ann", "Bob"]);
        _world.Met("Cas", "Ann");

        _world.PlaceLateJoiner("Cas", T0 + Minute);

        Assert.Equal("Bob+Cas", Names(_world.GroupOf("Cas").Members));
    }

    [Fact]
    public void AmongEquallyGoodWaitingPeopleTheOneWaitingLongestIsChosen()
    {
        _world.StartRound([], unplaced: ["Ann", "Bob"]);

        _world.PlaceLateJoiner("Cas", T0 + Minute);

        Assert.Equal("Ann+Cas", Names(_world.GroupOf("Cas").Members));
    }

    [Fact]
    public void ALateJoinerIsNeverPairedWithSomeoneBlocked()
    {
        _world.StartRound([], unplaced: ["Ann"]);
        _world.Block("Bob", "Ann");

        var fx = _world.PlaceLateJoiner("Bob", T0 + Minute);

        Assert.Empty(fx.Started);
        Assert.Equal(["Ann", "Bob"], _world.Round.Waiting);
    }

    [Fact]
    public void WithMoreThanHalfTheRoundLeftALateJoinerMakesAPairATriple()
    {
        _world.StartRound([["Ann", "Bob"]]);

        var fx = _world.PlaceLateJoiner("Cas", HalfTime - 1);

        Assert.Equal("Ann+Bob+Cas", Names(Assert.Single(fx.Started).Members));
        Assert.Equal(["Ann+Cas", "Bob+Cas"], fx.Met.Select(m => Names([m.A, m.B])).Order());
        Assert.Contains("Cas", _world.Round.Participants);
    }

    [Fact]
    public void WithHalfTheRoundOrLessLeftALateJoinerWaits()
    {
        _world.StartRound([["Ann", "Bob"]]);

        var fx = _world.PlaceLateJoiner("Cas", HalfTime);

        Assert.Empty(fx.Started);
        Assert.Equal(("Cas", RoundEnd), (Assert.Single(fx.Waiting).AttendeeId, fx.Waiting[0].Notice.EndsAt));
        Assert.Equal(["Cas"], _world.Round.Waiting);
    }

    [Fact]
    public void ALateJoinerDoesNotMakeATripleAQuartet()
    {
        _world.StartRound([["Ann", "Bob", "Cas"]]);

        var fx = _world.PlaceLateJoiner("Dee", T0 + Minute);

        Assert.Empty(fx.Started);
        Assert.Equal(["Dee"], _world.Round.Waiting);
    }

    [Fact]
    public void ALateJoinerJoinsThePairTheyHaveNotMet()
    {
        _world.StartRound([["Ann", "Bob"], ["Cas", "Dee"]]);
        _world.Met("Eva", "Ann");

        _world.PlaceLateJoiner("Eva", T0 + Minute);

        Assert.Equal("Cas+Dee+Eva", Names(_world.GroupOf("Eva").Members));
    }

    [Fact]
    public void ALateJoinerIsNotAddedToAGroupWithSomeoneBlocked()
    {
        _world.StartRound([["Ann", "Bob"]]);
        _world.Block("Cas", "Bob");

        _world.PlaceLateJoiner("Cas", T0 + Minute);

        Assert.Equal(["Cas"], _world.Round.Waiting);
    }

    [Fact]
    public void SomeoneWhoLeftTheirGroupEarlyIsNotPlacedAgainThisRound()
    {
        _world.StartRound([["Ann", "Bob", "Cas"]], unplaced: ["Dee"]);
        _world.Remove("Ann", sitOutRound: true, T0 + Minute);

        var fx = _world.PlaceLateJoiner("Ann", T0 + (2 * Minute));

        Assert.True(fx.IsEmpty);
        Assert.Equal(["Dee"], _world.Round.Waiting);
    }

    [Fact]
    public void SomeoneWhoWasTakenOutWithoutSittingOutIsPlacedAgain()
    {
        _world.StartRound([["Ann", "Bob", "Cas"]], unplaced: ["Dee"]);
        _world.Remove("Ann", sitOutRound: false, T0 + Minute);

        _world.PlaceLateJoiner("Ann", T0 + (2 * Minute));

        Assert.Equal("Ann+Dee", Names(_world.GroupOf("Ann").Members));
    }

    [Fact]
    public void SomeoneInTheCoffeeQueueIsNotPlacedInTheRound()
    {
        _world.StartRound([], unplaced: ["Ann"]);
        _world.State.CoffeeQueue.Add("Bob");

        Assert.True(_world.PlaceLateJoiner("Bob", T0 + Minute).IsEmpty);
    }

    [Fact]
    public void SomeoneAlreadyInAGroupIsNotPlacedTwice()
    {
        _world.StartRound([["Ann", "Bob"]], unplaced: ["Cas"]);

        Assert.True(_world.PlaceLateJoiner("Ann", T0 + Minute).IsEmpty);
    }

    [Fact]
    public void WithoutARunningRoundNobodyIsPlaced()
    {
        _world.StartRound([["Ann", "Bob"]], unplaced: ["Cas"]);
        _world.Tick(RoundEnd);

        Assert.True(_world.PlaceLateJoiner("Dee", RoundEnd + Second).IsEmpty);
        Assert.Empty(_world.State.Groups);
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    public void OnlyPairsGrowForLateJoiners(int groupSize, int cap)
    {
        Assert.Equal(cap, RoundPlanner.LateJoinCap(groupSize));
    }

    [Fact]
    public void WhenSomeoneLeavesATripleTheOtherTwoStayTogetherAndAreTold()
    {
        _world.StartRound([["Ann", "Bob", "Cas"]]);

        var (wasInGroup, fx) = _world.Remove("Ann", sitOutRound: true, T0 + Minute);

        Assert.True(wasInGroup);
        Assert.Equal(["Bob+Cas"], Recipients(fx.PartnerLeft));
        Assert.Equal("Ann", fx.PartnerLeft[0].Notice.AttendeeId);
        Assert.Equal(["Ann"], Recipients(fx.Ended));
        Assert.Equal("Bob+Cas", Names(_world.GroupOf("Bob").Members));
    }

    [Fact]
    public void APartnerLeftAloneIsPairedWithSomeoneWaiting()
    {
        _world.StartRound([["Ann", "Bob"]], unplaced: ["Cas"]);
        var oldGroup = _world.GroupOf("Bob").GroupId;

        var (_, fx) = _world.Remove("Ann", sitOutRound: true, T0 + Minute);

        Assert.Equal(["Bob"], Recipients(fx.PartnerLeft));
        Assert.Contains(fx.Ended, e => e.Members.SequenceEqual(["Bob"]) && e.Notice.GroupId == oldGroup);
        Assert.Equal("Bob+Cas", Names(Assert.Single(fx.Started).Members));
        Assert.Empty(_world.Round.Waiting);
    }

    [Fact]
    public void APartnerLeftAloneWithNobodyWaitingWaits()
    {
        _world.StartRound([["Ann", "Bob"]]);

        var (_, fx) = _world.Remove("Ann", sitOutRound: true, T0 + Minute);

        Assert.Empty(fx.Started);
        Assert.Equal("Bob", Assert.Single(fx.Waiting).AttendeeId);
        Assert.Equal(["Bob"], _world.Round.Waiting);
        Assert.Null(_world.State.GroupOf("Bob"));
    }

    [Fact]
    public void APartnerLeftAloneIsNotPairedWithSomeoneWaitingTheyBlocked()
    {
        _world.StartRound([["Ann", "Bob"]], unplaced: ["Cas"]);
        _world.Block("Bob", "Cas");

        var (_, fx) = _world.Remove("Ann", sitOutRound: true, T0 + Minute);

        Assert.Empty(fx.Started);
        Assert.Equal(["Cas", "Bob"], _world.Round.Waiting);
    }

    [Fact]
    public void APartnerLeftAloneInACoffeeChatIsNotPutInTheRound()
    {
        _world.StartRound([], unplaced: ["Cas"]);
        _world.StartCoffee("Ann", "Bob", endsAt: T0 + (10 * Minute));

        var (_, fx) = _world.Remove("Ann", sitOutRound: false, T0 + Minute);

        Assert.Equal(["Ann", "Bob"], Recipients(fx.Ended));
        Assert.Empty(fx.Started);
        Assert.Null(_world.State.GroupOf("Bob"));
        Assert.Equal(["Cas"], _world.Round.Waiting);
    }

    [Fact]
    public void RemovingSomeoneOutsideAGroupTakesThemOffTheQueueAndTheWaitingListAndSaysTheyWereThere()
    {
        _world.StartRound([], unplaced: ["Ann"]);
        _world.State.CoffeeQueue.Add("Bob");

        var (annWasThere, annFx) = _world.Remove("Ann", sitOutRound: false, T0 + Minute);
        var (bobWasThere, _) = _world.Remove("Bob", sitOutRound: false, T0 + Minute);
        var (casWasThere, _) = _world.Remove("Cas", sitOutRound: false, T0 + Minute);

        Assert.True(annWasThere && bobWasThere);
        Assert.False(casWasThere);
        Assert.True(annFx.IsEmpty);
        Assert.Empty(_world.Round.Waiting);
        Assert.Empty(_world.State.CoffeeQueue);
    }
}
