using System.Net;
using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

public class HostActionTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task AnAnnouncementReachesEveryoneIncludingTheHost(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await host.Connection.Announce("Over vijf minuten beginnen de ont-moetingen");

        foreach (var client in new[] { host, ann, bob })
        {
            var announcement = await client.Announcements.WaitForAny();
            Assert.Equal("Over vijf minuten beginnen de ont-moetingen", announcement.Text);
            Assert.InRange(announcement.SentAt, before - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000);
        }
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task DeletingAMessageTellsEveryoneItsSeq(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var spam = await ann.Connection.SendChat("Koop nu goedkope horloges");

        await host.Connection.DeleteMessage(spam.Seq);

        Assert.Equal(spam.Seq, await ann.Deleted.WaitForAny());
        Assert.Equal(spam.Seq, await host.Deleted.WaitForAny());
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ADeletedMessageIsGoneFromTheHistory(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var kept = await ann.Connection.SendChat("Goedemorgen");
        var spam = await ann.Connection.SendChat("Koop nu goedkope horloges");
        var alsoKept = await ann.Connection.SendChat("Waar is de koffie?");

        await host.Connection.DeleteMessage(spam.Seq);

        Assert.Equal([kept, alsoKept], await ann.Connection.GetChatSince(0, 50));
        var (_, late) = await live.JoinAsync("Laatkomer");
        Assert.Equal([kept, alsoKept], late.Chat);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task DeletingAnUnknownMessageIsRefusedClearly(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => host.Connection.DeleteMessage(999));

        Assert.Contains("There is no chat message #999 in this event", error.Message);
        await host.Connection.Announce("De verbinding werkt nog");
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ARemovedAttendeeIsToldWhyBeforeTheServerClosesTheirConnection(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var (bob, _) = await live.JoinAsync("Bob");

        await host.Connection.RemoveAttendee(bob.AttendeeId);

        // Closed is raised after the receive loop has handled every message that came before the close.
        await bob.Closed.WaitForAny();
        var notice = Assert.Single(bob.Removed.Items);
        Assert.Contains("The host removed you", notice.Reason);
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Disconnected, bob.Connection.Connection.State);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task OthersSeeARemovedAttendeeLeaveTheRoom(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");

        await host.Connection.RemoveAttendee(bob.AttendeeId);

        var left = await ann.WaitUntilSeesLeft(bob.AttendeeId);
        Assert.Equal(2, left.AttendeeCount);
        Assert.Equal(2, (await live.GetAsync()).AttendeeCount);
        var (_, late) = await live.JoinAsync("Laatkomer");
        Assert.DoesNotContain(late.Attendees, a => a.Id == bob.AttendeeId);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ARemovedAttendeesTokenNoLongerConnects(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var (bob, _) = await live.JoinAsync("Bob");

        await host.Connection.RemoveAttendee(bob.AttendeeId);
        await bob.Closed.WaitForAny();

        await using var again = factory.Connect(bob.Token, protocol);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => again.StartAsync());
        Assert.Contains("401", refused.Message);
        var answer = await factory.NegotiateAsync(bob.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Contains("The host removed you from this event", answer.Body.GetProperty("detail").GetString());
        Assert.Equal("removed", answer.Body.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ARemovedAttendeeCannotChatWhileTheirConnectionIsBeingClosed(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");

        await host.Connection.RemoveAttendee(bob.AttendeeId);

        // The server keeps Bob's connection open a moment so Removed reaches him; it must not carry chat any more.
        // On a busy machine that moment can be over before his call is answered: then the closed connection refuses it.
        var error = await Record.ExceptionAsync(() => bob.Connection.SendChat("Jullie krijgen me niet weg"));
        Assert.NotNull(error);
        if (error is HubException refused)
        {
            Assert.Contains("The host removed you from this event", refused.Message);
        }
        var marker = await ann.Connection.SendChat("marker");
        await ann.Chat.WaitFor(m => m.Seq == marker.Seq);
        Assert.DoesNotContain(ann.Chat.Items, m => m.SenderId == bob.AttendeeId);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task RemovingAnAttendeeNotInTheEventIsRefusedClearly(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => host.Connection.RemoveAttendee("nosuchattendee00"));

        Assert.Contains("There is no such attendee in this event", error.Message);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task TheHostCannotRemoveThemselves(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => host.Connection.RemoveAttendee(host.AttendeeId));

        Assert.Contains("The host cannot be removed", error.Message);
    }

    public static TheoryData<HubProtocol, string> HostOnlyMethods => new()
    {
        { HubProtocol.MessagePack, "Announce" },
        { HubProtocol.Json, "Announce" },
        { HubProtocol.MessagePack, "DeleteMessage" },
        { HubProtocol.Json, "DeleteMessage" },
        { HubProtocol.MessagePack, "RemoveAttendee" },
        { HubProtocol.Json, "RemoveAttendee" },
    };

    [Theory]
    [MemberData(nameof(HostOnlyMethods))]
    public async Task AnAttendeeCallingAHostMethodIsRefusedAndCanStillChat(HubProtocol protocol, string method)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        var message = await bob.Connection.SendChat("Hoi");

        var error = await Assert.ThrowsAsync<HubException>(() => method switch
        {
            "Announce" => ann.Connection.Announce("Ik ben de baas"),
            "DeleteMessage" => ann.Connection.DeleteMessage(message.Seq),
            "RemoveAttendee" => ann.Connection.RemoveAttendee(bob.AttendeeId),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        });

        Assert.Contains("Only the host of this event can", error.Message);
        var after = await ann.Connection.SendChat("Sorry, verkeerde knop");
        // Bob gets pushes in order: an announcement or removal would have reached him before this message.
        await bob.Chat.WaitFor(m => m.Seq == after.Seq);
        Assert.Equal([message, after], await bob.Connection.GetChatSince(0, 50));
        Assert.Empty(bob.Announcements.Items);
        Assert.Empty(bob.Removed.Items);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class HostActionOnRedisTests(RedisNetwerkLiveFactory factory) : HostActionTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
