using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Breakouts.RoundExpectations;
using static NetwerkLive.Tests.Breakouts.SteeringScene;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// PairWaiting: the host puts two waiting people together by hand. On the shared fake clock (it never moves), so a
/// coffee chat's end is exact.
/// </summary>
public class PairWaitingTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private static readonly long CoffeeMs = (long)TimeSpan.FromMinutes(10).TotalMilliseconds;

    private long Now => factory.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static bool IsCoffee(BreakoutAssignment a) => a.RoundId.StartsWith("coffee-", StringComparison.Ordinal);

    [Fact]
    public async Task BetweenRoundsTwoWaitingPeopleArePairedForACoffeeLengthChat()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, bob) = await AnnAndBobAsync(live);

        await host.Connection.PairWaiting(ann.AttendeeId, bob.AttendeeId);

        var annSees = await ann.BreakoutStarted.WaitForAny();
        var bobSees = await bob.BreakoutStarted.WaitForAny();
        Assert.True(IsCoffee(annSees), annSees.RoundId);
        Assert.Equal(annSees.GroupId, bobSees.GroupId);
        Assert.Equal(Ids(bob), annSees.PartnerIds());
        Assert.Equal(Ids(ann), bobSees.PartnerIds());
        Assert.Equal(Now + CoffeeMs, annSees.EndsAt);
        Assert.Equal(annSees.GroupId, (await ann.Connection.Join()).Breakout?.GroupId);
    }

    [Fact]
    public async Task APairMadeBetweenRoundsCountsAsACoffeeChatInTheReport()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, bob) = await AnnAndBobAsync(live);

        await host.Connection.PairWaiting(ann.AttendeeId, bob.AttendeeId);
        await bob.BreakoutStarted.WaitForAny();

        var report = await factory.Api.GetReportAsync(live.Id, live.Created.HostToken);
        Assert.Empty(report.Rounds);
        Assert.Equal((1, 1, 1, 1), (report.CoffeeChats, report.Breakouts, report.DistinctPairs, report.NewMeetings));
    }

    [Fact]
    public async Task DuringARoundSomeoneWaitingAndSomeoneInTheCoffeeQueueArePairedInAGroupOfTheRound()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann", "Ann BV");
        await ann.Connection.FindCoffeePartner();
        var (bob, _) = await live.JoinAsync("Bob", "Bob BV");
        var (cas, _) = await live.JoinAsync("Cas", "Cas BV");
        var round = await host.Connection.StartRound(600, 2);
        await cas.BreakoutStarted.WaitForAny();
        await cas.Connection.LeaveBreakout();
        await bob.BreakoutWaiting.WaitForAny();

        await host.Connection.PairWaiting(ann.AttendeeId, bob.AttendeeId);

        var annSees = await ann.BreakoutStarted.WaitForAny();
        var bobSees = await bob.BreakoutStarted.WaitFor(a => a.GroupId == annSees.GroupId);
        Assert.Equal((round.RoundId, round.EndsAt), (annSees.RoundId, annSees.EndsAt));
        Assert.Equal(Ids(bob), annSees.PartnerIds());
        Assert.Equal(Ids(ann), bobSees.PartnerIds());
        var reported = Assert.Single((await factory.Api.GetReportAsync(live.Id, live.Created.HostToken)).Rounds);
        Assert.Equal((2, 3), (reported.GroupCount, reported.ParticipantCount));
        Assert.Contains(reported.Groups, g => g.Order(StringComparer.Ordinal).SequenceEqual(Ids(ann, bob)));
        // Ann left the coffee queue for the round's group: whoever asks for coffee now waits alone. (Dirk, a late
        // joiner, is placed with Ann and Bob first; out of the round, he may ask for coffee.)
        var (dirk, _) = await live.JoinAsync("Dirk", "Dirk BV");
        await dirk.BreakoutStarted.WaitForAny();
        await dirk.Connection.LeaveBreakout();
        Assert.Equal(new CoffeeQueueStatus(false, 1), await dirk.Connection.FindCoffeePartner());
    }

    public static TheoryData<string, string> SamePersonTwice => new()
    {
        { "en", "Choose two different people to pair." },
        { "nl", "Kies twee verschillende mensen om te koppelen." },
    };

    [Theory]
    [MemberData(nameof(SamePersonTwice))]
    public async Task PairingSomeoneWithThemselvesIsRefused(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var (ann, _) = await AnnAndBobAsync(live);

        Assert.Equal(HubRefusals.Message("PairWaiting", sentence), await RefusalAsync(() => host.Connection.PairWaiting(ann.AttendeeId, ann.AttendeeId)));
    }

    public static TheoryData<string, string> NotWaiting => new()
    {
        { "en", "Ann is not waiting for a partner right now, so they cannot be paired." },
        { "nl", "Ann wacht nu niet op een partner en kan dus niet gekoppeld worden." },
    };

    [Theory]
    [MemberData(nameof(NotWaiting))]
    public async Task SomeoneAlreadyInAGroupIsNotWaitingAndIsNotPaired(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var (ann, bob) = await AnnAndBobAsync(live);
        await host.Connection.PairWaiting(ann.AttendeeId, bob.AttendeeId);
        var (cas, _) = await live.JoinAsync("Cas", "Cas BV");

        Assert.Equal(HubRefusals.Message("PairWaiting", sentence), await RefusalAsync(() => host.Connection.PairWaiting(ann.AttendeeId, cas.AttendeeId)));
        Assert.Empty(cas.BreakoutStarted.Items);
    }

    [Theory]
    [MemberData(nameof(NotWaiting))]
    public async Task SomeoneClosedForNetworkingIsNotWaitingAndIsNotPaired(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var (ann, bob) = await AnnAndBobAsync(live);
        await ann.Connection.SetAvailable(false);

        Assert.Equal(HubRefusals.Message("PairWaiting", sentence), await RefusalAsync(() => host.Connection.PairWaiting(bob.AttendeeId, ann.AttendeeId)));
    }

    [Theory]
    [MemberData(nameof(NotWaiting))]
    public async Task SomeoneWhoLeftTheRunningRoundSitsItOutAndIsNotPaired(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var (ann, bob) = await AnnAndBobAsync(live);
        await host.Connection.StartRound(600, 2);
        await ann.BreakoutStarted.WaitForAny();
        await ann.Connection.LeaveBreakout();
        await bob.BreakoutWaiting.WaitForAny();

        Assert.Equal(HubRefusals.Message("PairWaiting", sentence), await RefusalAsync(() => host.Connection.PairWaiting(bob.AttendeeId, ann.AttendeeId)));
        Assert.Single(bob.BreakoutStarted.Items);
    }

    public static TheoryData<string, bool, string> MustNotMeet => new()
    {
        { "en", true, "Ann and Bob cannot be put together: they are not to meet each other." },
        { "en", false, "Ann and Bob cannot be put together: they are not to meet each other." },
        { "nl", true, "Ann en Bob kunnen niet samen in een ont-moeting: ze mogen elkaar niet ont-moeten." },
        { "nl", false, "Ann en Bob kunnen niet samen in een ont-moeting: ze mogen elkaar niet ont-moeten." },
    };

    /// <summary>The same sentence whoever blocked whom: the host is not told.</summary>
    [Theory]
    [MemberData(nameof(MustNotMeet))]
    public async Task TwoPeopleOneOfWhomBlockedTheOtherAreNotPaired(string lang, bool annBlockedBob, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var (ann, bob) = await AnnAndBobAsync(live);
        await (annBlockedBob ? ann.Connection.BlockAttendee(bob.AttendeeId) : bob.Connection.BlockAttendee(ann.AttendeeId));

        Assert.Equal(HubRefusals.Message("PairWaiting", sentence), await RefusalAsync(() => host.Connection.PairWaiting(ann.AttendeeId, bob.AttendeeId)));
        Assert.Empty(ann.BreakoutStarted.Items);
    }

    public static TheoryData<string, string> NotInEvent => new()
    {
        { "en", "That person is not (or no longer) in this event." },
        { "nl", "Die persoon doet niet (meer) mee aan dit evenement." },
    };

    [Theory]
    [MemberData(nameof(NotInEvent))]
    public async Task SomeoneWhoIsNotInTheEventIsNotPaired(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var (ann, _) = await AnnAndBobAsync(live);

        Assert.Equal(HubRefusals.Message("PairWaiting", sentence), await RefusalAsync(() => host.Connection.PairWaiting(ann.AttendeeId, "nobody-here")));
    }

    [Theory]
    [MemberData(nameof(NotInEvent))]
    public async Task SomeoneTheHostRemovedIsNotPaired(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var (ann, bob) = await AnnAndBobAsync(live);
        await host.Connection.RemoveAttendee(bob.AttendeeId);

        Assert.Equal(HubRefusals.Message("PairWaiting", sentence), await RefusalAsync(() => host.Connection.PairWaiting(ann.AttendeeId, bob.AttendeeId)));
    }

    public static TheoryData<string, string> NotHost => new()
    {
        { "en", "Only the host of this event can pair people by hand." },
        { "nl", "Alleen de host van dit evenement kan mensen met de hand aan elkaar koppelen." },
    };

    [Theory]
    [MemberData(nameof(NotHost))]
    public async Task AnAttendeeCannotPairPeople(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, bob) = await AnnAndBobAsync(live);
        await using var cas = await live.AttendeeInAsync(factory, "Cas", lang);

        Assert.Equal(HubRefusals.Message("PairWaiting", sentence), await RefusalAsync(() => cas.Connection.PairWaiting(ann.AttendeeId, bob.AttendeeId)));
        Assert.Empty(ann.BreakoutStarted.Items);
    }

    private static async Task<(TestClient Ann, TestClient Bob)> AnnAndBobAsync(LiveEvent live)
    {
        var (ann, _) = await live.JoinAsync("Ann", "Ann BV");
        var (bob, _) = await live.JoinAsync("Bob", "Bob BV");
        return (ann, bob);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class PairWaitingOnRedisTests(RedisFakeClockFactory factory) : PairWaitingTests(factory), IClassFixture<RedisFakeClockFactory>;
