using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

/// <summary>What a late joiner or a reconnecting client gets of the chat so far.</summary>
public sealed class ChatHistoryTests(HighChatLimitFactory factory) : IClassFixture<HighChatLimitFactory>
{
    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ALateJoinerGetsTheLast50MessagesOldestFirst(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");
        var sent = await SendAsync(ann, 60);

        var (_, late) = await live.JoinAsync("Laatkomer");

        Assert.Equal(sent[^50..], late.Chat);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task GetChatSinceReturnsTheMessagesAfterTheGivenSeqOldestFirst(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");
        var sent = await SendAsync(ann, 10);

        var gap = await ann.Connection.GetChatSince(sent[3].Seq, 100);

        Assert.Equal(sent[4..], gap);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task GetChatSinceReturnsAtMostLimitMessagesStartingRightAfterTheSeq(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");
        var sent = await SendAsync(ann, 10);

        var page = await ann.Connection.GetChatSince(sent[1].Seq, 3);

        Assert.Equal(sent[2..5], page);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task GetChatSinceReturnsAtMost200MessagesWhateverTheLimit(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");
        var sent = await SendAsync(ann, 205);

        var page = await ann.Connection.GetChatSince(0, 1000);

        Assert.Equal(sent[..200], page);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task GetChatSinceTheLatestSeqReturnsNothing(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");
        var sent = await SendAsync(ann, 3);

        Assert.Empty(await ann.Connection.GetChatSince(sent[^1].Seq, 50));
    }

    private static async Task<ChatMessage[]> SendAsync(TestClient client, int count)
    {
        var sent = new ChatMessage[count];
        for (var i = 0; i < count; i++)
        {
            sent[i] = await client.Connection.SendChat($"Bericht {i + 1}");
        }
        return sent;
    }
}
