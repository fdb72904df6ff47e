using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>Messages into breakouts: the host's broadcast to all of them, and a group's private chat.</summary>
public class BreakoutMessagingTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ABroadcastReachesEveryParticipantAndNobodyOutsideAGroup(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var attendees = await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk", "Eva");
        var (away, _) = await live.JoinAsync("Fien");
        await away.Connection.SetAvailable(false);
        var round = await host.Connection.StartRound(600, 2);
        await attendees.AssignmentsAsync(round.RoundId);

        await host.Connection.BroadcastToBreakouts("Nog twee minuten, rond maar af");

        foreach (var attendee in attendees)
        {
            Assert.Equal("Nog twee minuten, rond maar af", (await attendee.BreakoutBroadcast.WaitForAny()).Text);
        }
        await host.Connection.Announce("marker");
        await Task.WhenAll(away.Announcements.WaitForAny(), host.Announcements.WaitForAny());
        Assert.Empty(away.BreakoutBroadcast.Items);
        Assert.Empty(host.BreakoutBroadcast.Items);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task BreakoutChatReachesTheSendersGroupAndNobodyElse(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var attendees = await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk");
        var (away, _) = await live.JoinAsync("Eva");
        await away.Connection.SetAvailable(false);
        var round = await host.Connection.StartRound(600, 2);
        var assignments = await attendees.AssignmentsAsync(round.RoundId);
        var ann = attendees[0];
        var partner = attendees.With(assignments[ann.AttendeeId].Partners.Single().Id);
        var outsiders = attendees.Where(a => a != ann && a != partner).Append(away).Append(host).ToList();

        var sent = await ann.Connection.SendBreakoutChat("Zullen we na afloop even bellen?");

        Assert.Equal(round.RoundId, sent.RoundId);
        Assert.Equal(assignments[ann.AttendeeId].GroupId, sent.GroupId);
        Assert.Equal(ann.AttendeeId, sent.SenderId);
        Assert.Equal("Ann", sent.SenderName);
        Assert.Equal(sent, await partner.BreakoutChat.WaitForAny());
        Assert.Equal(sent, await ann.BreakoutChat.WaitForAny());
        await host.Connection.Announce("marker");
        await Task.WhenAll(outsiders.Select(o => o.Announcements.WaitForAny()));
        Assert.All(outsiders, o => Assert.Empty(o.BreakoutChat.Items));
        Assert.All(outsiders, o => Assert.Empty(o.Chat.Items));
    }

    public static TheoryData<string> RefusedTexts => new()
    {
        "",
        " \t\n ",
        new string('a', 1001),
        "Ring\u0007ring",
        "gnp.\u202Eexe",
    };

    [Theory]
    [MemberData(nameof(RefusedTexts))]
    public async Task BreakoutChatRefusesWhatRoomChatRefusesWithTheSameExplanation(string text)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var attendees = await live.JoinAllAsync("Ann", "Bob");
        var round = await host.Connection.StartRound(600, 2);
        await attendees.AssignmentsAsync(round.RoundId);

        var breakoutError = await Assert.ThrowsAsync<HubException>(() => attendees[0].Connection.SendBreakoutChat(text));
        var roomError = await Assert.ThrowsAsync<HubException>(() => attendees[0].Connection.SendChat(text));

        Assert.Equal(Explanation(roomError), Explanation(breakoutError));
        await attendees[0].Connection.SendBreakoutChat("Dit mag wel");
    }

    [Fact]
    public async Task BreakoutChatCountsAgainstTheSameRateLimitAsRoomChat()
    {
        // On a clock that stands still, so the bucket does not refill between messages.
        await using var ev = await ClockedEvent.CreateAsync();
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var attendees = await ev.Live.JoinAllAsync("Ann", "Bob");
        var round = await host.Connection.StartRound(600, 2);
        await attendees.AssignmentsAsync(round.RoundId);
        var ann = attendees[0].Connection;
        for (var i = 0; i < 3; i++)
        {
            await ann.SendChat($"zaal {i}");
        }
        await ann.SendBreakoutChat("groep 1");
        await ann.SendBreakoutChat("groep 2");

        var breakoutError = await Assert.ThrowsAsync<HubException>(() => ann.SendBreakoutChat("groep 3"));
        var roomError = await Assert.ThrowsAsync<HubException>(() => ann.SendChat("zaal 4"));

        Assert.Contains("You are sending messages too quickly: at most 5 messages per 5 seconds", breakoutError.Message);
        Assert.Equal(Explanation(roomError), Explanation(breakoutError));
        ev.Clock.Advance(TimeSpan.FromSeconds(1));
        await ann.SendBreakoutChat("groep 3, nu wel");
    }

    [Fact]
    public async Task BreakoutChatOutsideABreakoutIsRefused()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann");

        var error = await Assert.ThrowsAsync<HubException>(() => ann.Connection.SendBreakoutChat("Hallo?"));

        Assert.Contains("You are not in a breakout right now, so there is nobody to send this to.", error.Message);
    }

    /// <summary>What the server said, without the client's "An error occurred invoking 'Method'" that names the call.</summary>
    private static string Explanation(HubException error)
    {
        const string marker = "HubException: ";
        var at = error.Message.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, error.Message);
        return error.Message[(at + marker.Length)..];
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class BreakoutMessagingOnRedisTests(RedisNetwerkLiveFactory factory) : BreakoutMessagingTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
