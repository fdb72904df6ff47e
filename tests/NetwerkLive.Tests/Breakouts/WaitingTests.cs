using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>Someone waiting for a partner in a round: what leaving and an extension mean for them.</summary>
public sealed class WaitingTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const int Duration = 600;

    [Fact]
    public async Task LeavingWhileWaitingIsNotAnErrorAndKeepsThemOutOfTheRound()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var round = await live.StartRoundWhereOnlyTheyWaitAsync(host, ann, Duration);
        await ann.BreakoutWaiting.WaitForAny();

        await ann.Connection.LeaveBreakout();
        var (bob, _) = await live.JoinAsync("Bob");

        // Bob would have been paired with Ann had she still been waiting: now he waits himself.
        Assert.Equal(round.RoundId, (await bob.BreakoutWaiting.WaitForAny()).RoundId);
        Assert.Empty(ann.BreakoutStarted.Items);
    }

    [Fact]
    public async Task ExtendingTheRoundTellsWhoIsWaitingTheNewEnd()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var round = await live.StartRoundWhereOnlyTheyWaitAsync(host, ann, Duration);
        await ann.BreakoutWaiting.WaitFor(w => w.EndsAt == round.EndsAt);

        var extended = await host.Connection.ExtendRound(120);

        Assert.Equal(round.EndsAt + 120_000, extended.EndsAt);
        await ann.BreakoutWaiting.WaitFor(w => w.EndsAt == extended.EndsAt);
    }
}
