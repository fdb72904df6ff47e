using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Storage;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Breakouts.RoundExpectations;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// What Join() gives back so a reload shows the page as it was: the latest announcement, the group's private chat
/// and broadcast, the follow-ups asked and matched, the people met; and a removed attendee's Join. Each test joins
/// again with a new connection of the same token, as a reloaded tab does.
/// </summary>
public class JoinStateTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const string BobContact = "bob@bos.example";

    /// <summary>Ann and Bob in a pair of a host round (Bob with a contact).</summary>
    private static async Task<(TestClient Host, TestClient Ann, TestClient Bob, BreakoutAssignment Anns)> PairAsync(LiveEvent live)
    {
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann", "Hoya", contact: "ann@hoya.example");
        var (bob, _) = await live.JoinAsync("Bob", "Bakkerij Bos", contact: BobContact);
        var round = await host.Connection.StartRound(600, 2);
        var assignments = await new[] { ann, bob }.AssignmentsAsync(round.RoundId);
        return (host, ann, bob, assignments[ann.AttendeeId]);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task AFirstJoinHasNoAnnouncementNoBreakoutChatNoFollowUpsAndNobodyMet(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);

        var (_, join) = await live.JoinAsync("Ann", "Hoya");

        Assert.Null(join.Announcement);
        Assert.Empty(join.BreakoutChat);
        Assert.Null(join.Broadcast);
        Assert.Empty(join.FollowUps.Asked);
        Assert.Empty(join.FollowUps.Matched);
        Assert.Empty(join.Met);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task AReloadGivesBackTheLatestAnnouncement(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");
        await host.Connection.Announce("Welkom allemaal");
        await host.Connection.Announce("Over vijf minuten de eerste ronde");
        var seen = await ann.Announcements.WaitFor(a => a.Text == "Over vijf minuten de eerste ronde");

        var (_, join) = await live.OpenTabAsync(ann);

        Assert.Equal(seen, join.Announcement);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task AReloadInABreakoutGivesBackTheGroupsChatOldestFirst(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (_, ann, bob, _) = await PairAsync(live);
        var first = await ann.Connection.SendBreakoutChat("Hoi Bob, waar werk je?");
        var second = await bob.Connection.SendBreakoutChat("Bij Bakkerij Bos, en jij?");

        var (_, join) = await live.OpenTabAsync(ann);

        Assert.Equal([first, second], join.BreakoutChat);
    }

    [Fact]
    public async Task AReloadDoesNotGiveBackAnotherGroupsChat()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var people = await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk");
        var round = await host.Connection.StartRound(600, 2);
        var assignments = await people.AssignmentsAsync(round.RoundId);
        var ann = people[0];
        var other = people.First(p => p != ann && assignments[p.AttendeeId].GroupId != assignments[ann.AttendeeId].GroupId);
        await other.Connection.SendBreakoutChat("Alleen voor ons twee");

        var (_, join) = await live.OpenTabAsync(ann);

        Assert.Empty(join.BreakoutChat);
    }

    [Fact]
    public async Task AReloadInABreakoutGivesBackTheHostsBroadcast()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, ann, _, _) = await PairAsync(live);
        await host.Connection.BroadcastToBreakouts("Nog twee minuten");
        var seen = await ann.BreakoutBroadcast.WaitForAny();

        var (_, join) = await live.OpenTabAsync(ann);

        Assert.Equal(seen, join.Broadcast);
    }

    [Fact]
    public async Task ABroadcastSentBeforeTheGroupStartedIsNotGivenBackToIt()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: factory.IsOnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var people = await ev.Live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk");
        await people[0].Connection.FindCoffeePartner();
        await people[1].Connection.FindCoffeePartner();
        await host.Connection.BroadcastToBreakouts("Neem gerust nog een koffie");
        var seen = await people[0].BreakoutBroadcast.WaitForAny();
        ev.Clock.Advance(TimeSpan.FromSeconds(1));
        await people[2].Connection.FindCoffeePartner();
        await people[3].Connection.FindCoffeePartner();
        await people[2].BreakoutStarted.WaitForAny();

        var (_, late) = await ev.Live.OpenTabAsync(people[2]);
        var (_, early) = await ev.Live.OpenTabAsync(people[0]);

        Assert.NotNull(late.Breakout);
        Assert.Null(late.Broadcast);
        Assert.Equal(seen, early.Broadcast);
    }

    [Fact]
    public async Task AReloadAfterTheRoundEndedGivesBackNoBreakoutChatAndNoBroadcast()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, ann, _, anns) = await PairAsync(live);
        await ann.Connection.SendBreakoutChat("Tot straks");
        await host.Connection.BroadcastToBreakouts("Nog één minuut");
        await host.Connection.EndRound();
        await ann.BreakoutEnded.WaitFor(e => e.GroupId == anns.GroupId);

        var (_, join) = await live.OpenTabAsync(ann);

        Assert.Null(join.Breakout);
        Assert.Empty(join.BreakoutChat);
        Assert.Null(join.Broadcast);
    }

    [Fact]
    public async Task AReloadGivesBackAFollowUpAskedButNotYetMutual()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (_, ann, bob, _) = await PairAsync(live);
        await ann.Connection.RequestFollowUp(bob.AttendeeId);

        var (_, annJoin) = await live.OpenTabAsync(ann);
        var (_, bobJoin) = await live.OpenTabAsync(bob);

        Assert.Equal([bob.AttendeeId], annJoin.FollowUps.Asked);
        Assert.Empty(annJoin.FollowUps.Matched);
        Assert.Empty(bobJoin.FollowUps.Asked);
        Assert.Empty(bobJoin.FollowUps.Matched);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task AReloadGivesBackAMatchedFollowUpWithTheContactReceived(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (_, ann, bob, _) = await PairAsync(live);
        await ann.Connection.RequestFollowUp(bob.AttendeeId);
        await bob.Connection.RequestFollowUp(ann.AttendeeId);
        var pushed = await ann.FollowUpMatched.WaitForAny();

        var (_, join) = await live.OpenTabAsync(ann);

        Assert.Empty(join.FollowUps.Asked);
        var matched = Assert.Single(join.FollowUps.Matched);
        Assert.Equal((pushed.Attendee.Id, pushed.Attendee.DisplayName, BobContact), (matched.Attendee.Id, matched.Attendee.DisplayName, matched.Contact));
    }

    [Fact]
    public async Task AReloadGivesBackThePeopleMetInThisEvent()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, ann, bob, _) = await PairAsync(live);

        var (_, annJoin) = await live.OpenTabAsync(ann);
        var (_, hostJoin) = await live.OpenTabAsync(host);

        var met = Assert.Single(annJoin.Met);
        Assert.Equal((bob.AttendeeId, "Bob", "Bakkerij Bos"), (met.Id, met.DisplayName, met.Company));
        Assert.Empty(hostJoin.Met);
    }

    [Fact]
    public async Task SomeoneBlockedIsNotAmongThePeopleMetOfEitherOfThem()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (_, ann, bob, _) = await PairAsync(live);

        await ann.Connection.BlockAttendee(bob.AttendeeId);

        Assert.Empty((await live.OpenTabAsync(ann)).Join.Met);
        Assert.Empty((await live.OpenTabAsync(bob)).Join.Met);
    }

    [Fact]
    public async Task ARemovedAttendeesJoinGetsTheRemovedPushOnThatConnectionBeforeTheRefusal()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.Json);
        var ann = await factory.Api.RegisterAsync(live.Id, new RegisterAttendeeRequest("Ann", "Hoya"));
        // The .NET client runs push handlers on a loop of their own, apart from answers, so the order is read off the wire.
        using var hub = await RawJsonHub.ConnectAsync(factory, ann.Token);
        // Removed after the connection opened and before it joined (the host's removal on another node, say).
        await factory.Services.GetRequiredService<IEventStore>().MarkRemovedAsync(live.Id, ann.AttendeeId);

        await hub.SendAsync("""{"type":1,"invocationId":"1","target":"Join","arguments":[]}""");

        var push = await hub.NextAsync();
        Assert.Equal((1, "Removed"), (push.GetProperty("type").GetInt32(), push.GetProperty("target").GetString()));
        var answer = await hub.NextAsync();
        Assert.Equal((3, "1"), (answer.GetProperty("type").GetInt32(), answer.GetProperty("invocationId").GetString()));
        Assert.True(answer.TryGetProperty("error", out _), $"Join was not refused: {answer}");
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class JoinStateOnRedisTests(RedisNetwerkLiveFactory factory) : JoinStateTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
