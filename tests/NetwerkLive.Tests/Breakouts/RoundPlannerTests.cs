using NetwerkLive.Contracts;
using static NetwerkLive.Tests.Breakouts.PlannerWorld;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// The rules of a round's life as state transitions: starting, the one-minute warning, the end by the
/// timer or the host, and extensions. Late joiners and leavers are in <see cref="RoundPlannerPlacementTests"/>.
/// </summary>
public sealed class RoundPlannerTests
{
    private readonly PlannerWorld _world = new();

    private void StartPairs() => _world.StartRound([["Ann", "Bob"], ["Cas", "Dee"]]);

    [Fact]
    public void StartingARoundFormsTheChosenGroupsUntilItsEnd()
    {
        var fx = _world.StartRound([["Ann", "Bob"], ["Cas", "Dee", "Eva"]]);

        Assert.Equal(["Ann+Bob", "Cas+Dee+Eva"], fx.Started.Select(g => Names(g.Members)).Order());
        Assert.All(fx.Started, g => Assert.Equal(RoundEnd, g.EndsAt));
        Assert.Equal(_world.GroupOf("Ann"), _world.GroupOf("Bob"));
        Assert.Equal(5, _world.Round.Participants.Count);
        Assert.Equal(1, _world.State.RoundCounter);
    }

    [Fact]
    public void StartingARoundTellsEveryoneItsEndAndGroupCount()
    {
        var fx = _world.StartRound([["Ann", "Bob"], ["Cas", "Dee"]]);

        Assert.Equal(new RoundNotice("r1", RoundEnd, 2), fx.RoundStarted);
    }

    [Fact]
    public void EveryPairInANewGroupCountsAsMet()
    {
        var fx = _world.StartRound([["Ann", "Bob", "Cas"]]);

        Assert.Equal(["Ann+Bob", "Ann+Cas", "Bob+Cas"], fx.Met.Select(m => Names([m.A, m.B])).Order());
        Assert.All(fx.Met, m => Assert.Equal("r1", m.RoundId));
    }

    [Fact]
    public void TheUnplacedAreToldTheyAreWaiting()
    {
        var fx = _world.StartRound([["Ann", "Bob"]], unplaced: ["Cas"]);

        Assert.Equal(("Cas", new BreakoutWaitingNotice("r1", RoundEnd)), Assert.Single(fx.Waiting));
        Assert.Equal(["Cas"], _world.Round.Waiting);
    }

    [Fact]
    public void SomeoneWhoStartedACoffeeChatSinceThePairingStaysInItAndTheirPartnerWaits()
    {
        var coffee = _world.StartCoffee("Ann", "Eva", endsAt: T0 + (5 * Minute));

        var fx = _world.StartRound([["Ann", "Bob"], ["Cas", "Dee"]]);

        Assert.Equal(coffee.GroupId, _world.GroupOf("Ann").GroupId);
        Assert.Equal(["Bob"], _world.Round.Waiting);
        Assert.Equal(1, fx.RoundStarted?.GroupCount);
    }

    [Fact]
    public void NothingHappensBeforeTheWarning()
    {
        StartPairs();

        Assert.True(_world.Tick(RoundEnd - Minute - 1).IsEmpty);
    }

    [Fact]
    public void EveryGroupIsWarnedOneMinuteBeforeItsEnd()
    {
        StartPairs();

        var fx = _world.Tick(RoundEnd - Minute);

        Assert.Equal(["Ann+Bob", "Cas+Dee"], Recipients(fx.Ending));
        Assert.All(fx.Ending, e => Assert.Equal(RoundEnd, e.Notice.EndsAt));
        Assert.Empty(fx.Ended);
    }

    [Fact]
    public void TheWarningComesOnlyOnce()
    {
        StartPairs();
        _world.Tick(RoundEnd - Minute);

        Assert.True(_world.Tick(RoundEnd - 1).IsEmpty);
    }

    [Fact]
    public void TheTimerEndsEveryGroupAndTheRoundAtItsEnd()
    {
        StartPairs();

        var fx = _world.Tick(RoundEnd);

        Assert.Equal(["Ann+Bob", "Cas+Dee"], Recipients(fx.Ended));
        Assert.Equal("r1", fx.RoundEnded?.RoundId);
        Assert.Null(_world.State.RunningRound);
        Assert.Empty(_world.State.Groups);
    }

    [Fact]
    public void AnEndedRoundIsSummarisedForTheReport()
    {
        _world.StartRound([["Ann", "Bob"], ["Cas", "Dee", "Eva"]]);

        _world.Tick(RoundEnd);

        var summary = Assert.Single(_world.State.PastRounds);
        Assert.Equal(("r1", T0, RoundEnd, 2, 5), (summary.RoundId, summary.StartedAt, summary.EndedAt, summary.GroupCount, summary.ParticipantCount));
        Assert.Equal(["Ann+Bob", "Cas+Dee+Eva"], summary.Groups.Select(Names).Order());
    }

    [Fact]
    public void TheRoundEndSparesAGroupThatExtendedItself()
    {
        StartPairs();
        _world.Propose("Ann");
        _world.Propose("Bob");

        var fx = _world.Tick(RoundEnd);

        Assert.Equal(["Cas+Dee"], Recipients(fx.Ended));
        Assert.NotNull(fx.RoundEnded);
        Assert.Equal(RoundEnd + (5 * Minute), _world.GroupOf("Ann").EndsAt);
    }

    [Fact]
    public void AGroupThatExtendedItselfIsWarnedAndEndedAtItsOwnTime()
    {
        StartPairs();
        _world.Propose("Ann");
        _world.Propose("Bob");
        _world.Tick(RoundEnd);
        var ownEnd = RoundEnd + (5 * Minute);

        var warned = _world.Tick(ownEnd - Minute);
        var ended = _world.Tick(ownEnd);

        Assert.Equal(["Ann+Bob"], Recipients(warned.Ending));
        Assert.Equal(["Ann+Bob"], Recipients(ended.Ended));
        Assert.Empty(_world.State.Groups);
    }

    [Fact]
    public void TheHostsEndClosesEveryGroupOfTheRoundEvenOneThatExtendedItself()
    {
        StartPairs();
        _world.Propose("Ann");
        _world.Propose("Bob");

        var fx = _world.EndRound(T0 + (2 * Minute), byHost: true);

        Assert.Equal(["Ann+Bob", "Cas+Dee"], Recipients(fx.Ended));
        Assert.Equal("r1", fx.RoundEnded?.RoundId);
        Assert.Equal(T0 + (2 * Minute), Assert.Single(_world.State.PastRounds).EndedAt);
    }

    [Fact]
    public void TheHostsEndLeavesCoffeeChatsAlone()
    {
        StartPairs();
        _world.StartCoffee("Eva", "Fem", endsAt: T0 + (5 * Minute));

        var fx = _world.EndRound(T0 + Minute, byHost: true);

        Assert.DoesNotContain("Eva+Fem", Recipients(fx.Ended));
        Assert.Equal("Eva+Fem", Names(_world.GroupOf("Eva").Members));
    }

    [Fact]
    public void EndingWhenNoRoundRunsChangesNothing()
    {
        Assert.True(_world.EndRound(T0, byHost: true).IsEmpty);
        Assert.Empty(_world.State.PastRounds);
    }

    [Fact]
    public void ACoffeeChatIsWarnedAndEndedByTheTimerWithoutAnyRound()
    {
        _world.StartCoffee("Ann", "Bob", endsAt: T0 + (10 * Minute));

        var warned = _world.Tick(T0 + (9 * Minute));
        var ended = _world.Tick(T0 + (10 * Minute));

        Assert.Equal(["Ann+Bob"], Recipients(warned.Ending));
        Assert.Equal(["Ann+Bob"], Recipients(ended.Ended));
        Assert.Null(ended.RoundEnded);
    }

    [Fact]
    public void ExtendingTheRoundMovesTheEndOfTheRoundAndOfEveryGroup()
    {
        StartPairs();

        var fx = _world.ExtendRound(2 * Minute);

        Assert.Equal(RoundEnd + (2 * Minute), _world.Round.EndsAt);
        Assert.Equal(["Ann+Bob", "Cas+Dee"], Recipients(fx.Extended));
        Assert.All(fx.Extended, e => Assert.Equal(RoundEnd + (2 * Minute), e.Notice.EndsAt));
        Assert.True(_world.Tick(RoundEnd).Ended.Count == 0, "A group ended at the old end of the round.");
    }

    [Fact]
    public void GroupsWarnedBeforeAnExtensionAreWarnedAgainBeforeTheNewEnd()
    {
        StartPairs();
        _world.Tick(RoundEnd - Minute);

        _world.ExtendRound(2 * Minute);

        Assert.Equal(["Ann+Bob", "Cas+Dee"], Recipients(_world.Tick(RoundEnd + Minute).Ending));
    }

    [Fact]
    public void ExtendingWhenNoRoundRunsIsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => _world.ExtendRound(Minute));
    }

    [Fact]
    public void OneVoteTellsTheGroupButDoesNotExtendIt()
    {
        StartPairs();

        var (extended, fx) = _world.Propose("Ann");

        Assert.False(extended);
        Assert.Equal(["Ann+Bob"], Recipients(fx.ExtensionProposed));
        Assert.Equal("Ann", fx.ExtensionProposed[0].Notice.AttendeeId);
        Assert.Equal(RoundEnd, _world.GroupOf("Ann").EndsAt);
    }

    [Fact]
    public void WhenEveryMemberAskedTheGroupGetsFiveMoreMinutes()
    {
        _world.StartRound([["Ann", "Bob", "Cas"], ["Dee", "Eva"]]);
        _world.Propose("Ann");
        _world.Propose("Bob");

        var (extended, fx) = _world.Propose("Cas");

        Assert.True(extended);
        Assert.Equal(["Ann+Bob+Cas"], Recipients(fx.Extended));
        Assert.Equal(RoundEnd + (5 * Minute), fx.Extended[0].Notice.EndsAt);
        Assert.Equal(RoundEnd, _world.GroupOf("Dee").EndsAt);
    }

    [Fact]
    public void AskingTwiceAloneDoesNotExtendTheGroup()
    {
        StartPairs();
        _world.Propose("Ann");

        Assert.False(_world.Propose("Ann").Extended);
        Assert.Equal(RoundEnd, _world.GroupOf("Ann").EndsAt);
    }

    [Fact]
    public void AfterAnExtensionTheVotesStartAfresh()
    {
        StartPairs();
        _world.Propose("Ann");
        _world.Propose("Bob");

        Assert.False(_world.Propose("Ann").Extended);
        Assert.Equal(RoundEnd + (5 * Minute), _world.GroupOf("Ann").EndsAt);
    }

    [Fact]
    public void ProposingAnExtensionOutsideAGroupIsRefused()
    {
        StartPairs();

        Assert.Throws<InvalidOperationException>(() => _world.Propose("Eva"));
    }

    [Fact]
    public void NothingIsDueWithoutARoundOrAGroup()
    {
        Assert.Null(_world.Planner.NextDue(_world.State));
    }

    [Fact]
    public void TheWarningIsDueFirstThenTheEnd()
    {
        StartPairs();
        var warningDue = _world.Planner.NextDue(_world.State);
        _world.Tick(RoundEnd - Minute);

        Assert.Equal(RoundEnd - Minute, warningDue);
        Assert.Equal(RoundEnd, _world.Planner.NextDue(_world.State));
    }

    [Fact]
    public void ARoundWhereEveryoneWaitsIsDueAtItsEnd()
    {
        _world.StartRound([], unplaced: ["Ann"]);

        Assert.Equal(RoundEnd, _world.Planner.NextDue(_world.State));
    }

    [Fact]
    public void AnEarlierCoffeeChatIsDueBeforeTheRound()
    {
        StartPairs();
        _world.StartCoffee("Eva", "Fem", endsAt: T0 + (3 * Minute));

        Assert.Equal(T0 + (2 * Minute), _world.Planner.NextDue(_world.State));
    }

    [Fact]
    public void NothingIsDueOnceTheRoundAndItsGroupsEnded()
    {
        StartPairs();

        _world.Tick(RoundEnd);

        Assert.Null(_world.Planner.NextDue(_world.State));
    }
}
