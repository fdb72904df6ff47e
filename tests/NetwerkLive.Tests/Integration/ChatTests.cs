using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

public class ChatTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ChatReachesEveryoneInTheEventIncludingTheSendersOtherTabs(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        var (bobsOtherTab, _) = await live.OpenTabAsync(bob);

        var sent = await bob.Connection.SendChat("Wie gaat er straks mee netwerken?");

        foreach (var client in new[] { host, ann, bob, bobsOtherTab })
        {
            Assert.Equal(sent, await client.Chat.WaitFor(m => m.Seq == sent.Seq));
        }
    }

    [Fact]
    public async Task MessagesFromSendersWhoSendAtOnceReachEveryoneInSeqOrder()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (watcher, _) = await live.JoinAsync("Wim");
        var senders = new List<TestClient>();
        foreach (var name in new[] { "Ann", "Bob", "Cas", "Dirk" })
        {
            senders.Add((await live.JoinAsync(name)).Client);
        }

        // Five each: the default rate limit's burst.
        await Task.WhenAll(senders.Select(sender => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await sender.Connection.SendChat($"{sender.AttendeeId} {i}");
            }
        })));

        await watcher.Chat.WaitFor(m => m.Seq == 20);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), watcher.Chat.Items.Select(m => m.Seq));
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ChatDoesNotReachAnotherEvent(HubProtocol protocol)
    {
        await using var here = await LiveEvent.CreateAsync(factory, protocol);
        await using var elsewhere = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await here.JoinAsync("Ann");
        var (zoe, _) = await elsewhere.JoinAsync("Zoe");

        await ann.Connection.SendChat("Alleen voor deze zaal");
        // Pushes to one connection arrive in order: once Zoe has her own later message, Ann's would have come before it.
        var marker = await zoe.Connection.SendChat("marker");

        await zoe.Chat.WaitFor(m => m.Seq == marker.Seq);
        Assert.Equal([marker], zoe.Chat.Items);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task SeqGrowsByOnePerMessageAcrossSendersInAnEvent(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");

        var first = await ann.Connection.SendChat("een");
        var second = await bob.Connection.SendChat("twee");
        var third = await ann.Connection.SendChat("drie");

        Assert.Equal(1, first.Seq);
        Assert.Equal(first.Seq + 1, second.Seq);
        Assert.Equal(second.Seq + 1, third.Seq);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task AMessageNamesItsSenderAndCarriesEpochMillisecondsOfNow(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob de Bouwer");
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var sent = await bob.Connection.SendChat("  Hallo allemaal  ");
        var received = await ann.Chat.WaitFor(m => m.Seq == sent.Seq);

        Assert.Equal(bob.AttendeeId, received.SenderId);
        Assert.Equal("Bob de Bouwer", received.SenderName);
        Assert.Equal("Hallo allemaal", received.Text);
        Assert.InRange(received.SentAt, before - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task AChatMessageMayHaveLineBreaks(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");

        var sent = await ann.Connection.SendChat("Vragen:\n1. wanneer\n2. waar");

        Assert.Equal("Vragen:\n1. wanneer\n2. waar", sent.Text);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class ChatOnRedisTests(RedisNetwerkLiveFactory factory) : ChatTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
