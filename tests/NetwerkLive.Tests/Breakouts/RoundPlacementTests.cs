using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Breakouts.Pairing;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Breakouts.RoundExpectations;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>Who a host round places where: everyone available, in groups of the right sizes, meeting new people.</summary>
public sealed class RoundPlacementTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const int Duration = 600;

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task TwentyOneAttendeesAreAllPlacedTwiceWithOneTripleEachRoundAndNoPairMeetingTwice(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        // Seven companies of three: colleagues are there to be kept apart too.
        var attendees = await live.JoinAllAsync(Enumerable.Range(1, 21).Select(i => ($"Deelnemer {i:00}", (string?)$"Bedrijf {i % 7}")));

        var first = await RunRoundAsync(host, attendees);
        var second = await RunRoundAsync(host, attendees);

        Assert.Empty(Pairs(first).Intersect(Pairs(second)));
    }

    /// <summary>Starts a round, checks everyone is in exactly one group of ten (nine pairs and a triple), and ends it.</summary>
    private static async Task<List<HashSet<string>>> RunRoundAsync(TestClient host, List<TestClient> attendees)
    {
        var round = await host.Connection.StartRound(Duration, 2);
        var groups = Groups(await attendees.AssignmentsAsync(round.RoundId));

        Assert.Equal(10, round.GroupCount);
        Assert.Equal(21, round.ParticipantCount);
        Assert.Equal([3, 2, 2, 2, 2, 2, 2, 2, 2, 2], groups.Select(g => g.Count).OrderDescending());
        Assert.Equal(attendees.Select(a => a.AttendeeId).Order(), groups.SelectMany(g => g).Order());
        await host.RoundStarted.WaitFor(r => r.RoundId == round.RoundId);

        await host.Connection.EndRound();
        await Task.WhenAll(attendees.Select(a => a.RoundEnded.WaitFor(r => r.RoundId == round.RoundId)));
        return groups;
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task RoundStartedReachesEveryoneIncludingTheHostAndWhoeverIsNotAvailableWhoIsNotPlaced(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var attendees = await live.JoinAllAsync("Ann", "Bob", "Cas");
        var (away, _) = await live.JoinAsync("Dirk");
        await away.Connection.SetAvailable(false);

        var round = await host.Connection.StartRound(Duration, 2);

        var expected = new RoundNotice(round.RoundId, round.EndsAt, round.GroupCount);
        foreach (var client in attendees.Append(host).Append(away))
        {
            Assert.Equal(expected, await client.RoundStarted.WaitFor(r => r.RoundId == round.RoundId));
        }
        Assert.Equal(3, round.ParticipantCount);
        // A round's BreakoutStarted and BreakoutWaiting go out before its RoundStarted, on the same connection.
        Assert.Empty(away.BreakoutStarted.Items);
        Assert.Empty(away.BreakoutWaiting.Items);
        Assert.Empty(host.BreakoutStarted.Items);
    }

    [Theory]
    [InlineData(7, 3, new[] { 3, 2, 2 })]
    [InlineData(4, 3, new[] { 2, 2 })]
    [InlineData(10, 4, new[] { 4, 3, 3 })]
    [InlineData(5, 4, new[] { 3, 2 })]
    public async Task GroupsOfThreeOrFourAreSizedAsTheEnginesRuleSays(int count, int groupSize, int[] sizes)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var attendees = await live.JoinAllAsync([.. Enumerable.Range(1, count).Select(i => $"Deelnemer {i:00}")]);

        var round = await host.Connection.StartRound(Duration, groupSize);
        var groups = Groups(await attendees.AssignmentsAsync(round.RoundId));

        Assert.Equal(GroupSizing.Sizes(count, groupSize), sizes);
        Assert.Equal(sizes, groups.Select(g => g.Count).OrderDescending());
        Assert.Equal(sizes.Length, round.GroupCount);
        Assert.Equal(count, round.ParticipantCount);
    }

    [Fact]
    public async Task TwoPeopleWhoMustNotMeetAreBothToldToWaitInsteadOfBeingGrouped()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        await bob.Connection.BlockAttendee(ann.AttendeeId);

        var round = await host.Connection.StartRound(Duration, 2);

        Assert.Equal(new BreakoutWaitingNotice(round.RoundId, round.EndsAt), await ann.BreakoutWaiting.WaitForAny());
        Assert.Equal(new BreakoutWaitingNotice(round.RoundId, round.EndsAt), await bob.BreakoutWaiting.WaitForAny());
        Assert.Equal(0, round.GroupCount);
        Assert.Equal(0, round.ParticipantCount);
        await ann.RoundStarted.WaitFor(r => r.RoundId == round.RoundId);
        Assert.Empty(ann.BreakoutStarted.Items);
        Assert.Empty(bob.BreakoutStarted.Items);
    }
}
