using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

/// <summary>
/// The chat budget (5 messages per 5 seconds, refilled one a second) with real clients on a fake clock, so a
/// slow machine cannot refill the bucket between two sends and only advancing the clock does.
/// </summary>
public sealed class ChatRateLimitTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private const string TooQuickly =
        "You are sending messages too quickly: at most 5 messages per 5 seconds. Wait a moment and try again; your message was not sent.";

    private static async Task<ChatMessage[]> SendFiveAsync(TestClient sender)
    {
        var sent = new List<ChatMessage>();
        for (var i = 1; i <= 5; i++)
        {
            sent.Add(await sender.Connection.SendChat($"Bericht {i}"));
        }
        return [.. sent];
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task TheSixthMessageWithinTheWindowIsRefusedAndNeitherStoredNorSent(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        var accepted = await SendFiveAsync(bob);

        var sixth = await Assert.ThrowsAsync<HubException>(() => bob.Connection.SendChat("Bericht 6"));

        Assert.Equal(HubRefusals.Message("SendChat", TooQuickly), sixth.Message);
        var marker = await ann.Connection.SendChat("marker");
        await ann.Chat.WaitFor(m => m.Seq == marker.Seq);
        ChatMessage[] expected = [.. accepted, marker];
        Assert.Equal(expected, ann.Chat.Items);
        Assert.Equal(expected, await bob.Connection.GetChatSince(0, 50));
    }

    [Fact]
    public async Task OneSecondLaterExactlyOneMoreMessageIsAccepted()
    {
        await using var server = factory.Another();
        await using var live = await LiveEvent.CreateAsync(server, HubProtocol.MessagePack);
        var (bob, _) = await live.JoinAsync("Bob");
        await SendFiveAsync(bob);
        await Assert.ThrowsAsync<HubException>(() => bob.Connection.SendChat("te vroeg"));

        server.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("na een seconde", (await bob.Connection.SendChat("na een seconde")).Text);
        var again = await Assert.ThrowsAsync<HubException>(() => bob.Connection.SendChat("weer te vroeg"));
        Assert.Equal(HubRefusals.Message("SendChat", TooQuickly), again.Message);
    }
}
