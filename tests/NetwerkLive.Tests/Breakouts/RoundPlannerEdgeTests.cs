using static NetwerkLive.Tests.Breakouts.PlannerWorld;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>Edges of the planner's rules: votes a leaver leaves behind, and people who queued for coffee as a round starts.</summary>
public sealed class RoundPlannerEdgeTests
{
    [Fact]
    public void WhenTheOnlyMemberWhoHadNotVotedLeavesTheOthersGetTheirExtension()
    {
        var world = new PlannerWorld();
        world.StartRound([["ann", "bob", "cas"]]);
        world.Propose("ann");
        world.Propose("bob");

        var (_, fx) = world.Remove("cas", sitOutRound: true, T0 + Minute);

        Assert.Equal(["ann+bob"], Recipients(fx.Extended));
        Assert.Equal(RoundEnd + (5 * Minute), world.GroupOf("ann").EndsAt);
    }

    [Fact]
    public void AVoteIsNotCompletedByALeaverWhenNobodyElseVoted()
    {
        var world = new PlannerWorld();
        world.StartRound([["ann", "bob", "cas"]]);

        var (_, fx) = world.Remove("cas", sitOutRound: true, T0 + Minute);

        Assert.Empty(fx.Extended);
        Assert.Equal(RoundEnd, world.GroupOf("ann").EndsAt);
    }

    [Fact]
    public void SomeoneWhoJoinedTheCoffeeQueueAsTheRoundStartedIsLeftInTheQueueNotPutInTwoPlaces()
    {
        var world = new PlannerWorld();
        world.State.CoffeeQueue.Add("cas");

        world.StartRound([["ann", "bob"], ["cas", "dee"]]);

        Assert.Null(world.State.GroupOf("cas"));
        Assert.Contains("cas", world.State.CoffeeQueue);
        Assert.Contains("dee", world.Round.Waiting);
    }
}
