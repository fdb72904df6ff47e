using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Breakouts.RoundExpectations;
using static NetwerkLive.Tests.Breakouts.SteeringScene;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>MoveToGroup: the host moves someone, waiting or from another group, into a live group.</summary>
public class MoveToGroupTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    /// <summary>A round of pairs: each person's group, as its members were told.</summary>
    private sealed record Pairs(RoundInfo Round, Dictionary<string, BreakoutAssignment> Assignments, List<TestClient> People)
    {
        public string GroupOf(TestClient client) => Assignments[client.AttendeeId].GroupId;

        public TestClient PartnerOf(TestClient client) => People.With(Assignments[client.AttendeeId].Partners.Single().Id);

        /// <summary>Everyone in a group other than <paramref name="client"/>'s, two by two.</summary>
        public List<(TestClient First, TestClient Second)> OtherPairs(TestClient client) =>
        [
            .. People.Where(p => GroupOf(p) != GroupOf(client)).GroupBy(GroupOf).Select(g => (g.First(), g.Last())),
        ];
    }

    private static async Task<Pairs> PairsAsync(TestClient host, LiveEvent live, params string[] names)
    {
        var people = await live.JoinAllAsync(names);
        var round = await host.Connection.StartRound(600, 2);
        return new Pairs(round, await people.AssignmentsAsync(round.RoundId), people);
    }

    [Fact]
    public async Task SomeoneMovedFromTheirGroupJoinsTheOtherAndAllItsMembersHearTheNewPartnerList()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var pairs = await PairsAsync(host, live, "Ann", "Bob", "Cas", "Dirk");
        var ann = pairs.People[0];
        var (cas, dirk) = pairs.OtherPairs(ann).Single();
        var target = pairs.GroupOf(cas);

        await host.Connection.MoveToGroup(ann.AttendeeId, target);

        var annSees = await ann.BreakoutStarted.WaitFor(a => a.GroupId == target);
        Assert.Equal(Ids(cas, dirk), annSees.PartnerIds());
        Assert.Equal(pairs.Round.EndsAt, annSees.EndsAt);
        Assert.Equal(Ids(ann, dirk), (await cas.BreakoutStarted.WaitFor(a => a.PartnerIds().Length == 2)).PartnerIds());
        Assert.Equal(Ids(ann, cas), (await dirk.BreakoutStarted.WaitFor(a => a.PartnerIds().Length == 2)).PartnerIds());
        Assert.Equal(new BreakoutEndedNotice(pairs.Round.RoundId, pairs.GroupOf(ann)), await ann.BreakoutEnded.WaitForAny());
        Assert.Equal(target, (await ann.Connection.Join()).Breakout?.GroupId);
    }

    [Fact]
    public async Task ThePartnerLeftAloneByAMoveIsToldAndWaitsWhenNobodyElseDoes()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var pairs = await PairsAsync(host, live, "Ann", "Bob", "Cas", "Dirk");
        var ann = pairs.People[0];
        var annsPartner = pairs.PartnerOf(ann);
        var (cas, _) = pairs.OtherPairs(ann).Single();

        await host.Connection.MoveToGroup(ann.AttendeeId, pairs.GroupOf(cas));

        var oldGroup = pairs.GroupOf(ann);
        Assert.Equal(new PartnerLeftNotice(pairs.Round.RoundId, oldGroup, ann.AttendeeId), await annsPartner.PartnerLeft.WaitForAny());
        Assert.Equal(new BreakoutEndedNotice(pairs.Round.RoundId, oldGroup), await annsPartner.BreakoutEnded.WaitForAny());
        Assert.Equal(new BreakoutWaitingNotice(pairs.Round.RoundId, pairs.Round.EndsAt), await annsPartner.BreakoutWaiting.WaitForAny());
    }

    [Fact]
    public async Task ThePartnerLeftAloneByAMoveIsPairedWithSomeoneWaiting()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var pairs = await PairsAsync(host, live, "Ann", "Bob", "Cas", "Dirk", "Eva", "Fenna");
        var ann = pairs.People[0];
        var annsPartner = pairs.PartnerOf(ann);
        var others = pairs.OtherPairs(ann);
        var (waiting, leaver) = others[1];
        await leaver.Connection.LeaveBreakout();
        await waiting.BreakoutWaiting.WaitForAny();

        await host.Connection.MoveToGroup(ann.AttendeeId, pairs.GroupOf(others[0].First));

        var repaired = await annsPartner.BreakoutStarted.WaitFor(a => a.GroupId != pairs.GroupOf(ann));
        Assert.Equal(Ids(waiting), repaired.PartnerIds());
        Assert.Equal(Ids(annsPartner), (await waiting.BreakoutStarted.WaitFor(a => a.GroupId == repaired.GroupId)).PartnerIds());
    }

    [Fact]
    public async Task SomeoneWaitingIsMovedIntoAGroupAndTheReportCountsTheirNewMeetings()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var pairs = await PairsAsync(host, live, "Ann", "Bob", "Cas", "Dirk");
        var ann = pairs.People[0];
        var annsPartner = pairs.PartnerOf(ann);
        var (cas, dirk) = pairs.OtherPairs(ann).Single();
        await dirk.Connection.LeaveBreakout();
        await cas.BreakoutWaiting.WaitForAny();

        await host.Connection.MoveToGroup(cas.AttendeeId, pairs.GroupOf(ann));

        Assert.Equal(Ids(ann, annsPartner), (await cas.BreakoutStarted.WaitFor(a => a.GroupId == pairs.GroupOf(ann))).PartnerIds());
        Assert.Equal(Ids(cas, annsPartner), (await ann.BreakoutStarted.WaitFor(a => a.PartnerIds().Length == 2)).PartnerIds());
        var report = await factory.Api.GetReportAsync(live.Id, live.Created.HostToken);
        // Ann and her partner, Cas and Dirk, then Cas with each of the first two.
        Assert.Equal((4, 4), (report.DistinctPairs, report.NewMeetings));
        var round = Assert.Single(report.Rounds);
        Assert.Equal((2, 4), (round.GroupCount, round.ParticipantCount));
    }

    public static TheoryData<string, string> GroupFull => new()
    {
        { "en", "That breakout already has 4 people, the most a breakout can have." },
        { "nl", "Die ont-moeting heeft al 4 mensen, meer kan niet." },
    };

    [Theory]
    [MemberData(nameof(GroupFull))]
    public async Task AGroupOfFourTakesNobodyMore(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var pairs = await PairsAsync(host, live, "Ann", "Bob", "Cas", "Dirk", "Eva", "Fenna");
        var ann = pairs.People[0];
        var target = pairs.GroupOf(ann);
        var others = pairs.OtherPairs(ann);
        await host.Connection.MoveToGroup(others[0].First.AttendeeId, target);
        await others[0].Second.BreakoutWaiting.WaitForAny();
        await host.Connection.MoveToGroup(others[1].First.AttendeeId, target);
        // Left alone, the second pair's other half is paired with the first's, who waits.
        var last = others[1].Second;
        await last.BreakoutStarted.WaitFor(a => a.PartnerIds().SequenceEqual(Ids(others[0].Second)));

        Assert.Equal(HubRefusals.Message("MoveToGroup", sentence), await RefusalAsync(() => host.Connection.MoveToGroup(last.AttendeeId, target)));
        Assert.Equal(4, (await ann.Connection.Join()).Breakout?.Partners.Length + 1);
    }

    [Fact]
    public async Task OfTwoMovesAtTheSameMomentIntoAGroupOfThreeOneIsDoneAndTheOtherRefusedAsFull()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var pairs = await PairsAsync(host, live, "Ann", "Bob", "Cas", "Dirk", "Eva", "Fenna");
        var ann = pairs.People[0];
        var target = pairs.GroupOf(ann);
        var others = pairs.OtherPairs(ann);
        await host.Connection.MoveToGroup(others[0].First.AttendeeId, target);
        await others[0].Second.BreakoutWaiting.WaitForAny();

        // From two tabs of the console: one connection's calls run one after the other, two tabs' at the same time.
        var (secondTab, _) = await live.OpenTabAsync(host);
        var moves = new[] { (host, others[0].Second), (secondTab, others[1].First) }
            .Select(m => Task.Run(() => m.Item1.Connection.MoveToGroup(m.Item2.AttendeeId, target))).ToList();
        await Task.WhenAll(moves).ContinueWith(_ => { }, TaskScheduler.Default);

        _ = Assert.Single(moves, m => m.IsCompletedSuccessfully);
        var refused = Assert.Single(moves, m => m.IsFaulted);
        Assert.Equal(HubRefusals.Message("MoveToGroup", "That breakout already has 4 people, the most a breakout can have."),
            refused.Exception!.InnerException!.Message);
        Assert.Equal(3, (await ann.Connection.Join()).Breakout?.Partners.Length);
    }

    public static TheoryData<string, bool, string> Blocked => new()
    {
        { "en", true, "Ann cannot be moved into that breakout: Ann and someone in it are not to meet each other." },
        { "en", false, "Ann cannot be moved into that breakout: Ann and someone in it are not to meet each other." },
        { "nl", true, "Ann kan niet naar die ont-moeting: Ann en iemand daarin mogen elkaar niet ont-moeten." },
        { "nl", false, "Ann kan niet naar die ont-moeting: Ann en iemand daarin mogen elkaar niet ont-moeten." },
    };

    /// <summary>Refused whoever blocked whom, with the same sentence: the host is not told who.</summary>
    [Theory]
    [MemberData(nameof(Blocked))]
    public async Task NobodyIsMovedIntoAGroupWithSomeoneTheyMustNotMeet(string lang, bool annBlocked, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var pairs = await PairsAsync(host, live, "Ann", "Bob", "Cas", "Dirk");
        var ann = pairs.People[0];
        var (cas, _) = pairs.OtherPairs(ann).Single();
        await (annBlocked ? ann.Connection.BlockAttendee(cas.AttendeeId) : cas.Connection.BlockAttendee(ann.AttendeeId));

        Assert.Equal(HubRefusals.Message("MoveToGroup", sentence), await RefusalAsync(() => host.Connection.MoveToGroup(ann.AttendeeId, pairs.GroupOf(cas))));
        Assert.Equal(pairs.GroupOf(ann), (await ann.Connection.Join()).Breakout?.GroupId);
    }

    public static TheoryData<string, string> AlreadyThere => new()
    {
        { "en", "Ann is already in that breakout." },
        { "nl", "Ann zit al in die ont-moeting." },
    };

    [Theory]
    [MemberData(nameof(AlreadyThere))]
    public async Task MovingSomeoneIntoTheirOwnGroupIsRefused(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var pairs = await PairsAsync(host, live, "Ann", "Bob");
        var ann = pairs.People[0];

        Assert.Equal(HubRefusals.Message("MoveToGroup", sentence), await RefusalAsync(() => host.Connection.MoveToGroup(ann.AttendeeId, pairs.GroupOf(ann))));
    }

    public static TheoryData<string, string> GroupGone => new()
    {
        { "en", "That breakout has ended (or never existed)." },
        { "nl", "Die ont-moeting is al afgelopen (of heeft nooit bestaan)." },
    };

    [Theory]
    [MemberData(nameof(GroupGone))]
    public async Task MovingSomeoneIntoAGroupThatEndedIsRefused(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var pairs = await PairsAsync(host, live, "Ann", "Bob", "Cas", "Dirk");
        var ann = pairs.People[0];
        var (cas, _) = pairs.OtherPairs(ann).Single();
        await host.Connection.EndGroup(pairs.GroupOf(cas));

        Assert.Equal(HubRefusals.Message("MoveToGroup", sentence), await RefusalAsync(() => host.Connection.MoveToGroup(ann.AttendeeId, pairs.GroupOf(cas))));
    }

    public static TheoryData<string, string> NotWaitingNorInGroup => new()
    {
        { "en", "Cas is not waiting and not in another breakout, so they cannot be moved." },
        { "nl", "Cas wacht nu niet en zit ook niet in een andere ont-moeting, dus verplaatsen kan niet." },
    };

    [Theory]
    [MemberData(nameof(NotWaitingNorInGroup))]
    public async Task SomeoneClosedForNetworkingIsNotMoved(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var pairs = await PairsAsync(host, live, "Ann", "Bob");
        var (cas, _) = await live.JoinAsync("Cas", "Cas BV");
        await cas.Connection.SetAvailable(false);

        Assert.Equal(HubRefusals.Message("MoveToGroup", sentence),
            await RefusalAsync(() => host.Connection.MoveToGroup(cas.AttendeeId, pairs.GroupOf(pairs.People[0]))));
    }

    public static TheoryData<string, string> NotInEvent => new()
    {
        { "en", "That person is not (or no longer) in this event." },
        { "nl", "Die persoon doet niet (meer) mee aan dit evenement." },
    };

    [Theory]
    [MemberData(nameof(NotInEvent))]
    public async Task SomeoneWhoIsNotInTheEventIsNotMoved(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var pairs = await PairsAsync(host, live, "Ann", "Bob");

        Assert.Equal(HubRefusals.Message("MoveToGroup", sentence),
            await RefusalAsync(() => host.Connection.MoveToGroup("nobody-here", pairs.GroupOf(pairs.People[0]))));
    }

    public static TheoryData<string, string> NotHost => new()
    {
        { "en", "Only the host of this event can move people into a breakout." },
        { "nl", "Alleen de host van dit evenement kan mensen naar een ont-moeting verplaatsen." },
    };

    [Theory]
    [MemberData(nameof(NotHost))]
    public async Task AnAttendeeCannotMovePeople(string lang, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var pairs = await PairsAsync(host, live, "Ann", "Bob");
        await using var cas = await live.AttendeeInAsync(factory, "Cas", lang);

        Assert.Equal(HubRefusals.Message("MoveToGroup", sentence),
            await RefusalAsync(() => cas.Connection.MoveToGroup(cas.AttendeeId, pairs.GroupOf(pairs.People[0]))));
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class MoveToGroupOnRedisTests(RedisNetwerkLiveFactory factory) : MoveToGroupTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
