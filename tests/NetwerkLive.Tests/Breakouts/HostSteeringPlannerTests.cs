using NetwerkLive.Server.Breakouts;
using static NetwerkLive.Tests.Breakouts.PlannerWorld;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>Edges of the host's steering as planner transitions, where times and votes are set exactly.</summary>
public sealed class HostSteeringPlannerTests
{
    private static readonly Func<string, bool> EveryoneOpen = _ => true;

    [Fact]
    public void PairingAfterTheRoundsEndBeforeItsTimerFiredMakesACoffeeChatNotAGroupThatIsAlreadyOver()
    {
        var world = new PlannerWorld();
        world.StartRound([["ann", "bob"]], unplaced: ["cas", "dirk"]);
        var now = RoundEnd + Second;
        var fx = new BreakoutEffects();

        var group = world.Planner.PairWaiting(world.State, "cas", "dirk", now, world.People, EveryoneOpen, fx);

        Assert.True(group.IsCoffee, group.RoundId);
        Assert.Equal(now + (long)new BreakoutOptions().CoffeeDuration.TotalMilliseconds, group.EndsAt);
        Assert.Equal("cas+dirk", Names(Assert.Single(fx.Started).Members));
    }

    [Fact]
    public void MovingOutTheOnlyMemberWhoHadNotVotedGivesTheOthersTheirExtension()
    {
        var world = new PlannerWorld();
        world.StartRound([["ann", "bob", "cas"], ["dirk", "eva"]]);
        world.Propose("ann");
        world.Propose("bob");
        var fx = new BreakoutEffects();

        world.Planner.MoveToGroup(world.State, "cas", world.GroupOf("dirk").GroupId, T0 + Minute, world.People, EveryoneOpen, fx);

        Assert.Equal(["ann+bob"], Recipients(fx.Extended));
        Assert.Equal(RoundEnd + (5 * Minute), world.GroupOf("ann").EndsAt);
        // Cas's vote stayed behind: the group Cas joined has not voted.
        Assert.Empty(world.GroupOf("cas").ExtensionVotes);
    }

    [Fact]
    public void MovingSomeoneOutOfACoffeeChatEndsItForThePartnerWithoutPuttingThemInTheRound()
    {
        var world = new PlannerWorld();
        world.StartRound([["ann", "bob"]], unplaced: ["wim"]);
        var coffee = world.StartCoffee("xan", "yara", T0 + (10 * Minute));
        var fx = new BreakoutEffects();

        world.Planner.MoveToGroup(world.State, "xan", world.GroupOf("ann").GroupId, T0 + Minute, world.People, EveryoneOpen, fx);

        Assert.Null(world.State.GroupOf("yara"));
        Assert.DoesNotContain(coffee.GroupId, world.State.Groups.Keys);
        Assert.Equal(["wim"], world.Round.Waiting);
        Assert.Equal(["xan", "yara"], Recipients(fx.Ended));
    }
}
