using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>A group asking for five more minutes: it gets them only when every member asked.</summary>
public sealed class GroupExtensionTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const long FiveMinutes = 300_000;
    private const long Minute = 60_000;

    /// <summary>Two pairs: Ann's, and the other one.</summary>
    private static async Task<(RoundInfo Round, TestClient Ann, TestClient Partner, TestClient[] Others, string GroupId)> TwoPairsAsync(TestClient host, List<TestClient> four, int duration)
    {
        var round = await host.Connection.StartRound(duration, 2);
        var assignments = await four.AssignmentsAsync(round.RoundId);
        var ann = four[0];
        var mine = assignments[ann.AttendeeId];
        var partner = four.With(mine.Partners.Single().Id);
        return (round, ann, partner, [.. four.Where(c => c != ann && c != partner)], mine.GroupId);
    }

    [Fact]
    public async Task OneMemberAskingIsNotEnoughButTheirPartnerIsTold()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (round, ann, partner, others, groupId) = await TwoPairsAsync(host, await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk"), 600);

        await ann.Connection.ProposeExtension();

        var proposed = await partner.ExtensionProposed.WaitForAny();
        Assert.Equal(new ExtensionProposedNotice(round.RoundId, groupId, ann.AttendeeId), proposed);
        // A proposal that completed the vote would have sent BreakoutExtended first, in the same change.
        Assert.Empty(partner.BreakoutExtended.Items);
        Assert.Empty(ann.BreakoutExtended.Items);
        await host.Connection.Announce("Nog tien minuten");
        await Task.WhenAll(others.Select(o => o.Announcements.WaitForAny()));
        Assert.All(others, o => Assert.Empty(o.ExtensionProposed.Items));
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task WhenEveryMemberAskedTheGroupGetsFiveMoreMinutesAndOnlyThatGroup(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var (round, ann, partner, others, groupId) = await TwoPairsAsync(host, await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk"), 600);

        await ann.Connection.ProposeExtension();
        await partner.Connection.ProposeExtension();

        var expected = new BreakoutTimeNotice(round.RoundId, groupId, round.EndsAt + FiveMinutes);
        Assert.Equal(expected, await ann.BreakoutExtended.WaitForAny());
        Assert.Equal(expected, await partner.BreakoutExtended.WaitForAny());
        var rejoin = await ann.Connection.Join();
        Assert.Equal(expected.EndsAt, rejoin.Breakout?.EndsAt);
        Assert.Equal(round.EndsAt, rejoin.Round?.EndsAt);
        await host.Connection.Announce("Nog tien minuten");
        await Task.WhenAll(others.Select(o => o.Announcements.WaitForAny()));
        Assert.All(others, o => Assert.Empty(o.BreakoutExtended.Items));
    }

    [Fact]
    public async Task AGroupThatExtendedItselfOutlivesTheRoundWhileTheOtherGroupEnds()
    {
        await using var ev = await ClockedEvent.CreateAsync();
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var (round, ann, partner, others, groupId) = await TwoPairsAsync(host, await ev.Live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk"), 120);
        await ann.Connection.ProposeExtension();
        await partner.Connection.ProposeExtension();
        var groupEndsAt = (await ann.BreakoutExtended.WaitForAny()).EndsAt;

        ev.AdvanceTo(round.EndsAt - Minute);
        await Task.WhenAll(others.Select(o => o.BreakoutEnding.WaitForAny()));
        ev.AdvanceTo(round.EndsAt);

        await Task.WhenAll(others.Select(o => o.BreakoutEnded.WaitFor(n => n.RoundId == round.RoundId)));
        // Everyone hears the round ended; the extended group, after anything else that tick sent it, is still together.
        await Task.WhenAll(new[] { ann, partner, host }.Select(c => c.RoundEnded.WaitFor(r => r.RoundId == round.RoundId)));
        Assert.Empty(ann.BreakoutEnded.Items);
        Assert.Empty(ann.BreakoutEnding.Items);
        var rejoin = await ann.Connection.Join();
        Assert.Null(rejoin.Round);
        Assert.Equal(groupId, rejoin.Breakout?.GroupId);

        ev.AdvanceTo(groupEndsAt - Minute);
        Assert.Equal(new BreakoutTimeNotice(round.RoundId, groupId, groupEndsAt), await partner.BreakoutEnding.WaitForAny());
        ev.AdvanceTo(groupEndsAt);
        Assert.Equal(new BreakoutEndedNotice(round.RoundId, groupId), await partner.BreakoutEnded.WaitForAny());
        Assert.Equal(new BreakoutEndedNotice(round.RoundId, groupId), await ann.BreakoutEnded.WaitForAny());
    }

    [Fact]
    public async Task AskingForMoreTimeOutsideABreakoutIsRefused()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        await live.JoinAllAsync("Ann", "Bob");
        var (away, _) = await live.JoinAsync("Cas");
        await away.Connection.SetAvailable(false);
        await host.Connection.StartRound(600, 2);

        var error = await Assert.ThrowsAsync<HubException>(() => away.Connection.ProposeExtension());

        Assert.Contains("You are not in a breakout right now.", error.Message);
    }
}
