using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

public class RoomJoinTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ThreeAttendeesWhoJoinAllSeeEachOther(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var ann = await live.JoinAsync("Ann", "Hoya");
        var bob = await live.JoinAsync("Bob", "Sweco");
        var cas = await live.JoinAsync("Cas", "Arcadis");
        string[] everyone = [ann.Client.AttendeeId, bob.Client.AttendeeId, cas.Client.AttendeeId];

        await ann.Client.WaitUntilSeesAll(ann.Join, everyone);
        await bob.Client.WaitUntilSeesAll(bob.Join, everyone);
        await cas.Client.WaitUntilSeesAll(cas.Join, everyone);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task PresenceCountsEveryAttendeeOnceAndTheHostToo(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var ann = await live.JoinAsync("Ann");
        await live.JoinAsync("Bob");
        var cas = await live.JoinAsync("Cas");

        Assert.Equal(3, cas.Join.AttendeeCount);
        Assert.Equal(3, cas.Join.Event.AttendeeCount);
        await ann.Client.Presence.WaitFor(p => p.AttendeeCount == 3);

        var host = await live.JoinAsHostAsync();
        Assert.Equal(4, host.Join.AttendeeCount);
        await ann.Client.Presence.WaitFor(p => p.AttendeeCount == 4 && p.Joined.Any(a => a.Id == host.Client.AttendeeId && a.IsHost));
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task JoinDescribesTheEventAndTheAttendeeThemselves(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol, "Ondernemerscafé Delft");
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var (ann, join) = await live.JoinAsync("Ann de Vries", "Hoya", ["cleantech", "water"]);

        Assert.Equal(live.Id, join.Event.EventId);
        Assert.Equal("Ondernemerscafé Delft", join.Event.Title);
        Assert.Equal("https://www.youtube.com/embed/abc", join.Event.LivestreamUrl);
        Assert.Equal(ann.AttendeeId, join.Self.Id);
        Assert.Equal("Ann de Vries", join.Self.DisplayName);
        Assert.Equal("Hoya", join.Self.Company);
        Assert.Equal(["cleantech", "water"], join.Self.Interests);
        Assert.True(join.Self.Available);
        Assert.False(join.Self.IsHost);
        Assert.InRange(join.Self.JoinedAt, before - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000);
        Assert.Contains(join.Attendees, a => a.Id == ann.AttendeeId);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task JoinListsTheAttendeesPresentInTheOrderTheyJoined(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var ann = await live.JoinAsync("Ann");
        var bob = await live.JoinAsync("Bob");
        var cas = await live.JoinAsync("Cas");

        var attendees = cas.Join.Attendees;
        Assert.Equal(
            new[] { ann.Client.AttendeeId, bob.Client.AttendeeId, cas.Client.AttendeeId }.Order(),
            attendees.Select(a => a.Id).Order());
        // Joins within one millisecond tie on joinedAt; the order must still never go back in time.
        Assert.Equal(attendees.OrderBy(a => a.JoinedAt).Select(a => a.Id), attendees.Select(a => a.Id));
        Assert.Equal(ann.Join.Self.JoinedAt, attendees.Single(a => a.Id == ann.Client.AttendeeId).JoinedAt);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task JoinIncludesTheChatSoFarOldestFirst(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var ann = await live.JoinAsync("Ann");
        var first = await ann.Client.Connection.SendChat("Goedemorgen");
        var second = await ann.Client.Connection.SendChat("Is de stream al begonnen?");

        var (_, bobJoin) = await live.JoinAsync("Bob");

        Assert.Equal([first, second], bobJoin.Chat);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task SetAvailableShowsInPresence(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var ann = await live.JoinAsync("Ann");
        var bob = await live.JoinAsync("Bob");

        await bob.Client.Connection.SetAvailable(false);

        // If Bob's join is still waiting in the same presence batch, he arrives in 'joined' already unavailable.
        await ann.Client.Presence.WaitFor(p => p.Joined.Concat(p.Updated).Any(a => a.Id == bob.Client.AttendeeId && !a.Available));
    }

    [Fact]
    public async Task JoinCalledTwiceOnOneConnectionGivesTheSameAnswerAndCountsTheAttendeeOnce()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (cas, _) = await live.JoinAsync("Cas");
        var (ann, first) = await live.JoinAsync("Ann");
        await cas.WaitUntilSeesPresent(ann.AttendeeId);

        var second = await ann.Connection.Join();

        Assert.Equal(first.Self, second.Self with { Interests = first.Self.Interests });
        Assert.Equal(first.Self.Interests, second.Self.Interests);
        Assert.Equal(first.Event, second.Event);
        Assert.Equal(2, second.AttendeeCount);
        Assert.Equal(first.Attendees.Select(a => (a.Id, a.JoinedAt)), second.Attendees.Select(a => (a.Id, a.JoinedAt)));
        // Presence messages reach Cas in the order they were sent: once Bob's join arrived, a repeat of Ann's would have too.
        var (bob, _) = await live.JoinAsync("Bob");
        var bobSeen = await cas.WaitUntilSeesPresent(bob.AttendeeId);
        Assert.Equal(3, bobSeen.AttendeeCount);
        Assert.Single(cas.Presence.Items, p => p.Joined.Concat(p.Updated).Any(a => a.Id == ann.AttendeeId));
    }

    [Fact]
    public async Task JoinListsAtMost200AttendeesTheEarliestFirstButCountsEveryone()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var early = new List<JoinResult>();
        // In batches: 201 connections at once would only measure the test machine.
        foreach (var batch in Enumerable.Range(0, 201).Chunk(25))
        {
            early.AddRange((await Task.WhenAll(batch.Select(i => live.JoinAsync($"Deelnemer {i}")))).Select(j => j.Join));
        }

        var (late, join) = await live.JoinAsync("Laatkomer");

        Assert.Equal(202, join.AttendeeCount);
        Assert.Equal(202, join.Event.AttendeeCount);
        Assert.Equal(200, join.Attendees.Length);
        Assert.Equal(200, join.Attendees.Select(a => a.Id).Distinct().Count());
        Assert.DoesNotContain(join.Attendees, a => a.Id == late.AttendeeId);
        var listedLast = join.Attendees.Max(a => a.JoinedAt);
        var left = Assert.Single(early, e => join.Attendees.All(a => a.Id != e.Self.Id));
        Assert.True(left.Self.JoinedAt >= listedLast, "The attendee left out must have joined no earlier than everyone listed.");
        Assert.All(join.Attendees, a => Assert.Contains(early, e => e.Self.Id == a.Id));
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class RoomJoinOnRedisTests(RedisNetwerkLiveFactory factory) : RoomJoinTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
