using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Breakouts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Video;

/// <summary>
/// SendCallSignal relays a browser's WebRTC signalling to one other member of the caller's current group, as it
/// came, and to nobody else; everything else is refused with a sentence and the connection stays usable.
/// </summary>
public class CallSignalTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    public const string NotAPartner = "You can only call the people in your own breakout.";
    public const string GroupEnded = "This breakout has ended, so its call has ended too.";

    // What a browser sends: JSON with an SDP's line breaks, quotes and non-ASCII, relayed without a character changed.
    private const string Offer = """{"kind":"description","session":"s-1","sdp":"v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\n","name":"Zoë \"de\" Vries ✓"}""";

    private sealed record Pair(LiveEvent Live, TestClient Host, TestClient Ann, TestClient Bob, BreakoutAssignment Group) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Live.DisposeAsync();
    }

    /// <summary>Ann and Bob in a breakout of a round the host started.</summary>
    private async Task<Pair> PairAsync(HubProtocol protocol)
    {
        var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var people = await live.JoinAllAsync("Ann", "Bob");
        var round = await host.Connection.StartRound(600, 2);
        var assignments = await people.AssignmentsAsync(round.RoundId);
        return new Pair(live, host, people[0], people[1], assignments[people[0].AttendeeId]);
    }

    private static async Task<string> RefusalAsync(Func<Task> call) => (await Assert.ThrowsAsync<HubException>(call)).Message;

    private static string Refused(string sentence) => HubRefusals.Message(nameof(IEventHub.SendCallSignal), sentence);

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ThePartnerReceivesExactlyThePayloadWithTheRoundTheGroupAndTheSender(HubProtocol protocol)
    {
        await using var pair = await PairAsync(protocol);

        await pair.Ann.Connection.SendCallSignal(pair.Group.GroupId, pair.Bob.AttendeeId, Offer);
        await pair.Bob.Connection.SendCallSignal(pair.Group.GroupId, pair.Ann.AttendeeId, "answer");

        Assert.Equal(new CallSignalNotice(pair.Group.RoundId, pair.Group.GroupId, pair.Ann.AttendeeId, Offer), await pair.Bob.CallSignals.WaitForAny());
        // Ann's first push is Bob's answer: her own offer did not come back to her.
        Assert.Equal(new CallSignalNotice(pair.Group.RoundId, pair.Group.GroupId, pair.Bob.AttendeeId, "answer"), await pair.Ann.CallSignals.WaitForAny());
        Assert.Single(pair.Bob.CallSignals.Items);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task InAGroupOfThreeOnlyTheNamedMemberReceivesTheSignalAndOtherGroupsNothing(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var people = await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk", "Eva", "Fien");
        var round = await host.Connection.StartRound(600, 3);
        var assignments = await people.AssignmentsAsync(round.RoundId);
        var ann = people[0];
        var group = assignments[ann.AttendeeId];
        var (named, third) = (people.With(group.Partners[0].Id), people.With(group.Partners[1].Id));
        var otherGroup = people.Where(p => p != ann && p != named && p != third).ToList();

        await ann.Connection.SendCallSignal(group.GroupId, named.AttendeeId, Offer);
        await ann.Connection.SendCallSignal(group.GroupId, third.AttendeeId, "marker");

        Assert.Equal(Offer, (await named.CallSignals.WaitForAny()).Payload);
        // Sent after the offer on the same way: once the third member has it, they would have had the offer too.
        Assert.Equal("marker", (await third.CallSignals.WaitForAny()).Payload);
        Assert.Single(third.CallSignals.Items);
        Assert.Single(named.CallSignals.Items);
        await host.Connection.Announce("marker");
        await Task.WhenAll(otherGroup.Append(host).Select(o => o.Announcements.WaitForAny()));
        Assert.All(otherGroup.Append(host), o => Assert.Empty(o.CallSignals.Items));
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ASignalToSomeoneInAnotherGroupIsRefused(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var people = await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk");
        var round = await host.Connection.StartRound(600, 2);
        var assignments = await people.AssignmentsAsync(round.RoundId);
        var ann = people[0];
        var outsider = people.First(p => p != ann && assignments[p.AttendeeId].GroupId != assignments[ann.AttendeeId].GroupId);

        var refusal = await RefusalAsync(() => ann.Connection.SendCallSignal(assignments[ann.AttendeeId].GroupId, outsider.AttendeeId, Offer));

        Assert.Equal(Refused(NotAPartner), refusal);
        await host.Connection.Announce("marker");
        await outsider.Announcements.WaitForAny();
        Assert.Empty(outsider.CallSignals.Items);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ASignalToOneselfIsRefused(HubProtocol protocol)
    {
        await using var pair = await PairAsync(protocol);

        var refusal = await RefusalAsync(() => pair.Ann.Connection.SendCallSignal(pair.Group.GroupId, pair.Ann.AttendeeId, Offer));

        Assert.Equal(Refused(NotAPartner), refusal);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ASignalAfterTheHostEndedTheRoundIsRefused(HubProtocol protocol)
    {
        await using var pair = await PairAsync(protocol);
        await pair.Host.Connection.EndRound();

        var refusal = await RefusalAsync(() => pair.Ann.Connection.SendCallSignal(pair.Group.GroupId, pair.Bob.AttendeeId, Offer));

        Assert.Equal(Refused(GroupEnded), refusal);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ASignalAfterLeavingTheBreakoutIsRefused(HubProtocol protocol)
    {
        await using var pair = await PairAsync(protocol);
        await pair.Ann.Connection.LeaveBreakout();

        var refusal = await RefusalAsync(() => pair.Ann.Connection.SendCallSignal(pair.Group.GroupId, pair.Bob.AttendeeId, Offer));

        Assert.Equal(Refused(GroupEnded), refusal);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ASignalWithThePreviousGroupsIdIsRefusedWhileTheCurrentOnePasses(HubProtocol protocol)
    {
        await using var pair = await PairAsync(protocol);
        await pair.Host.Connection.EndRound();
        var next = await pair.Host.Connection.StartRound(600, 2);
        var current = await pair.Ann.BreakoutStarted.WaitFor(a => a.RoundId == next.RoundId);

        var refusal = await RefusalAsync(() => pair.Ann.Connection.SendCallSignal(pair.Group.GroupId, pair.Bob.AttendeeId, Offer));
        await pair.Ann.Connection.SendCallSignal(current.GroupId, pair.Bob.AttendeeId, "now");

        Assert.Equal(Refused(GroupEnded), refusal);
        Assert.Equal(new CallSignalNotice(next.RoundId, current.GroupId, pair.Ann.AttendeeId, "now"), await pair.Bob.CallSignals.WaitForAny());
        Assert.Single(pair.Bob.CallSignals.Items);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ASignalFromSomeoneNeverPlacedInABreakoutIsRefused(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");

        var refusal = await RefusalAsync(() => ann.Connection.SendCallSignal("a-group-id", bob.AttendeeId, Offer));

        Assert.Equal(Refused(GroupEnded), refusal);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack, null)]
    [InlineData(HubProtocol.Json, null)]
    [InlineData(HubProtocol.MessagePack, "")]
    [InlineData(HubProtocol.Json, "")]
    public async Task AnEmptyPayloadIsRefused(HubProtocol protocol, string? payload)
    {
        await using var pair = await PairAsync(protocol);

        var refusal = await RefusalAsync(() => pair.Ann.Connection.SendCallSignal(pair.Group.GroupId, pair.Bob.AttendeeId, payload!));

        Assert.Equal(Refused("There was nothing in this call message to send."), refusal);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task APayloadOfExactlyTheMaximumIsRelayedAndOneCharacterMoreIsRefused(HubProtocol protocol)
    {
        // Video:MaxSignalChars at its default.
        const int max = 16 * 1024;
        await using var pair = await PairAsync(protocol);

        await pair.Ann.Connection.SendCallSignal(pair.Group.GroupId, pair.Bob.AttendeeId, new string('x', max));
        var refusal = await RefusalAsync(() => pair.Ann.Connection.SendCallSignal(pair.Group.GroupId, pair.Bob.AttendeeId, new string('x', max + 1)));

        Assert.Equal(Refused("This call message is too large: at most 16384 characters."), refusal);
        Assert.Equal(max, (await pair.Bob.CallSignals.WaitForAny()).Payload.Length);
        await pair.Ann.Connection.SendCallSignal(pair.Group.GroupId, pair.Bob.AttendeeId, "after");
        Assert.Equal("after", (await pair.Bob.CallSignals.WaitFor(n => n.Payload == "after")).Payload);
        Assert.Equal(2, pair.Bob.CallSignals.Items.Count);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ARefusalIsInDutchOnAConnectionThatAskedForDutch(HubProtocol protocol)
    {
        await using var pair = await PairAsync(protocol);
        await using var dutch = factory.Connect(pair.Ann.Token, protocol, lang: "nl");
        await dutch.StartAsync();
        await dutch.Join();

        var notAPartner = await RefusalAsync(() => dutch.SendCallSignal(pair.Group.GroupId, pair.Ann.AttendeeId, Offer));
        var ended = await RefusalAsync(() => dutch.SendCallSignal("another-group", pair.Bob.AttendeeId, Offer));

        Assert.Equal(Refused("Je kunt alleen bellen met de mensen in je eigen ont-moeting."), notAPartner);
        Assert.Equal(Refused("Deze ont-moeting is afgelopen, dus het gesprek is ook voorbij."), ended);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, budgets).</summary>
public sealed class CallSignalOnRedisTests(RedisNetwerkLiveFactory factory) : CallSignalTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
