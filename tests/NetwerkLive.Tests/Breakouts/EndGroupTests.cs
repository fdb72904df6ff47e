using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Breakouts.RoundExpectations;
using static NetwerkLive.Tests.Breakouts.SteeringScene;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>EndGroup: the host ends one group early; its members sit the rest of the round out.</summary>
public class EndGroupTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    /// <summary>Ann's pair and the other pair of a round of four.</summary>
    private static async Task<(RoundInfo Round, TestClient Ann, TestClient AnnsPartner, TestClient[] Others, string AnnsGroup)> TwoPairsAsync(TestClient host, LiveEvent live)
    {
        var four = await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk");
        var round = await host.Connection.StartRound(600, 2);
        var assignments = await four.AssignmentsAsync(round.RoundId);
        var ann = four[0];
        var partner = four.With(assignments[ann.AttendeeId].Partners.Single().Id);
        return (round, ann, partner, [.. four.Where(c => c != ann && c != partner)], assignments[ann.AttendeeId].GroupId);
    }

    [Fact]
    public async Task EndingOneGroupEndsItForItsMembersAndLeavesTheOtherGroupAsItWas()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (round, ann, partner, others, group) = await TwoPairsAsync(host, live);

        await host.Connection.EndGroup(group);

        Assert.Equal(new BreakoutEndedNotice(round.RoundId, group), await ann.BreakoutEnded.WaitForAny());
        Assert.Equal(new BreakoutEndedNotice(round.RoundId, group), await partner.BreakoutEnded.WaitForAny());
        await SettleAsync(host, others);
        Assert.All(others, o => Assert.Empty(o.BreakoutEnded.Items));
        Assert.All(others, o => Assert.Empty(o.PartnerLeft.Items));
        var annRejoins = await ann.Connection.Join();
        Assert.Null(annRejoins.Breakout);
        Assert.Equal(round.RoundId, annRejoins.Round?.RoundId);
        Assert.NotNull((await others[0].Connection.Join()).Breakout);
    }

    [Fact]
    public async Task WhoseGroupTheHostEndedSitsOutTheRestOfTheRound()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (_, ann, partner, others, group) = await TwoPairsAsync(host, live);
        await host.Connection.EndGroup(group);
        await ann.BreakoutEnded.WaitForAny();
        await others[0].Connection.LeaveBreakout();
        await others[1].BreakoutWaiting.WaitForAny();

        // Someone waits and would take anyone: still neither of the ended group is placed, however they signal they are there.
        await ann.Connection.SetAvailable(true);
        await partner.Connection.Join();

        await SettleAsync(host, ann, partner, others[1]);
        Assert.Single(ann.BreakoutStarted.Items);
        Assert.Single(partner.BreakoutStarted.Items);
        Assert.Single(others[1].BreakoutStarted.Items);
        Assert.Empty(ann.BreakoutWaiting.Items);
    }

    [Fact]
    public async Task EndingACoffeeChatJustEndsItAndBothMayAskForCoffeeAgain()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var pair = await live.JoinAllAsync("Ann", "Bob");
        var (ann, bob) = (pair[0], pair[1]);
        await ann.Connection.FindCoffeePartner();
        await bob.Connection.FindCoffeePartner();
        var chat = await ann.BreakoutStarted.WaitForAny();

        await host.Connection.EndGroup(chat.GroupId);

        Assert.Equal(new BreakoutEndedNotice(chat.RoundId, chat.GroupId), await ann.BreakoutEnded.WaitForAny());
        Assert.Equal(new BreakoutEndedNotice(chat.RoundId, chat.GroupId), await bob.BreakoutEnded.WaitForAny());
        Assert.Equal(new CoffeeQueueStatus(false, 1), await ann.Connection.FindCoffeePartner());
        Assert.Equal(new CoffeeQueueStatus(true, 0), await bob.Connection.FindCoffeePartner());
    }

    public static TheoryData<string, string> GroupGone => new()
    {
        { "en", "That breakout has ended (or never existed)." },
        { "nl", "Die ont-moeting is al afgelopen (of heeft nooit bestaan)." },
    };

    [Theory]
    [MemberData(nameof(GroupGone))]
    public async Task EndingAGroupThatIsGoneIsRefused(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var (_, _, _, _, group) = await TwoPairsAsync(host, live);
        await host.Connection.EndGroup(group);

        Assert.Equal(HubRefusals.Message("EndGroup", sentence), await RefusalAsync(() => host.Connection.EndGroup(group)));
    }

    public static TheoryData<string, string> NotHost => new()
    {
        { "en", "Only the host of this event can end a breakout." },
        { "nl", "Alleen de host van dit evenement kan een ont-moeting beëindigen." },
    };

    [Theory]
    [MemberData(nameof(NotHost))]
    public async Task AnAttendeeCannotEndAGroup(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (_, ann, _, _, group) = await TwoPairsAsync(host, live);
        await using var eva = await live.AttendeeInAsync(factory, "Eva", lang);

        Assert.Equal(HubRefusals.Message("EndGroup", sentence), await RefusalAsync(() => eva.Connection.EndGroup(group)));
        Assert.Equal(group, (await ann.Connection.Join()).Breakout?.GroupId);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class EndGroupOnRedisTests(RedisNetwerkLiveFactory factory) : EndGroupTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
