using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.AfterLive;

/// <summary>The host ends the live part: everyone is told, the event says so on GET and Join, the chat and rounds follow.</summary>
public class EndLiveTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const string Replay = "https://www.youtube.com/watch?v=abc123";

    private static readonly TimeSpan OpenFor = TimeSpan.FromDays(30);

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task EndingTheLivePartTellsEveryoneInTheRoomWithTheReplayAndTheOpenPeriod(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await host.Connection.EndLive(Replay, keepChatOpen: false);

        var notices = await Task.WhenAll(new[] { host, ann, bob }.Select(c => c.LiveEnded.WaitForAny()));
        Assert.All(notices, n => Assert.Equal(notices[0], n));
        Assert.InRange(notices[0].EndedAt, before - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000);
        Assert.Equal(Replay, notices[0].ReplayUrl);
        Assert.False(notices[0].ChatOpen);
        Assert.Equal(notices[0].EndedAt + (long)OpenFor.TotalMilliseconds, notices[0].OpenUntil);
    }

    [Fact]
    public async Task AfterTheEndGetAndJoinDescribeTheEndedEvent()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, hostJoin) = await live.JoinAsHostAsync();
        Assert.Equal((null, null, true, null), (hostJoin.Event.EndedAt, hostJoin.Event.ReplayUrl, hostJoin.Event.ChatOpen, hostJoin.Event.OpenUntil));
        await host.Connection.EndLive(Replay, keepChatOpen: true);
        var notice = await host.LiveEnded.WaitForAny();

        var (_, carlaJoin) = await live.JoinAsync("Carla");
        var summary = await live.GetAsync();

        foreach (var ev in new[] { carlaJoin.Event, summary })
        {
            Assert.Equal((notice.EndedAt, Replay, true, notice.OpenUntil), (ev.EndedAt, ev.ReplayUrl, ev.ChatOpen, ev.OpenUntil));
        }
    }

    [Fact]
    public async Task EndingASecondTimeChangesOnlyTheReplayAndTheChat()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        await host.Connection.EndLive(null, keepChatOpen: false);
        var first = await ann.LiveEnded.WaitForAny();

        await host.Connection.EndLive("https://vimeo.com/123456", keepChatOpen: true);

        var second = await ann.LiveEnded.WaitFor(n => n.ChatOpen);
        Assert.Equal((first.EndedAt, first.OpenUntil), (second.EndedAt, second.OpenUntil));
        Assert.Equal("https://vimeo.com/123456", second.ReplayUrl);
        var summary = await live.GetAsync();
        Assert.Equal((first.EndedAt, "https://vimeo.com/123456", true), (summary.EndedAt, summary.ReplayUrl, summary.ChatOpen));
    }

    [Theory]
    [InlineData("en", "Only the host of this event can end the live part.")]
    [InlineData("nl", "Alleen de host van dit evenement kan het live gedeelte afsluiten.")]
    public async Task AnAttendeeCannotEndTheLivePart(string lang, string refusal)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var ann = await ConnectAsync(live, "Ann", lang);

        var error = await Assert.ThrowsAsync<HubException>(() => ann.Connection.EndLive(Replay, false));

        Assert.Equal(HubRefusals.Message("EndLive", refusal), error.Message);
        Assert.Null((await live.GetAsync()).EndedAt);
    }

    [Theory]
    [InlineData("en", "http://www.youtube.com/watch?v=abc123", "The replay address must be a full https:// address, such as https://www.youtube.com/watch?v=abc123.")]
    [InlineData("nl", "youtube.com/watch?v=abc123", "Het adres van de opname moet een volledig https://-adres zijn, zoals https://www.youtube.com/watch?v=abc123.")]
    public async Task AReplayAddressMustBeHttps(string lang, string replay, string refusal)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await HostInAsync(live, lang);

        var error = await Assert.ThrowsAsync<HubException>(() => host.Connection.EndLive(replay, false));

        Assert.Equal(HubRefusals.Message("EndLive", refusal), error.Message);
        Assert.Null((await live.GetAsync()).EndedAt);
    }

    [Theory]
    [InlineData("en", "A round is still running. End the round first, then end the live part.")]
    [InlineData("nl", "Er loopt nog een ronde. Beëindig eerst de ronde en sluit dan het live gedeelte af.")]
    public async Task EndingIsRefusedWhileARoundRuns(string lang, string refusal)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await HostInAsync(live, lang);
        await live.JoinAsync("Ann", "Hoya");
        await live.JoinAsync("Bob", "Bos");
        await host.Connection.StartRound(60, 2);

        var error = await Assert.ThrowsAsync<HubException>(() => host.Connection.EndLive(Replay, false));

        Assert.Equal(HubRefusals.Message("EndLive", refusal), error.Message);
        Assert.Null((await live.GetAsync()).EndedAt);
    }

    [Theory]
    [InlineData("en", "The live part has ended; the chat is read-only now.")]
    [InlineData("nl", "Het live-gedeelte is afgelopen; de chat is nu alleen nog te lezen.")]
    public async Task AfterTheEndTheChatIsReadOnly(string lang, string refusal)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        await using var ann = await ConnectAsync(live, "Ann", lang);
        await host.Connection.EndLive(Replay, keepChatOpen: false);
        await ann.LiveEnded.WaitForAny();

        var error = await Assert.ThrowsAsync<HubException>(() => ann.Connection.SendChat("Was leuk!"));

        Assert.Equal(HubRefusals.Message("SendChat", refusal), error.Message);
    }

    [Fact]
    public async Task WhenTheHostKeepsTheChatOpenPeopleCanStillChat()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        await host.Connection.EndLive(Replay, keepChatOpen: true);
        await ann.LiveEnded.WaitForAny();

        await ann.Connection.SendChat("Wie kijkt de opname nog?");

        Assert.Equal("Wie kijkt de opname nog?", (await bob.Chat.WaitForAny()).Text);
    }

    [Theory]
    [InlineData("en", "The live part has ended, so no new round can start.")]
    [InlineData("nl", "Het live-gedeelte is afgelopen, dus er kan geen nieuwe ronde meer starten.")]
    public async Task AfterTheEndNoRoundCanStart(string lang, string refusal)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await HostInAsync(live, lang);
        var (ann, _) = await live.JoinAsync("Ann", "Hoya");
        await live.JoinAsync("Bob", "Bos");
        await host.Connection.EndLive(null, false);

        var error = await Assert.ThrowsAsync<HubException>(() => host.Connection.StartRound(60, 2));

        Assert.Equal(HubRefusals.Message("StartRound", refusal), error.Message);
        Assert.Empty(ann.RoundStarted.Items);
    }

    private async Task<TestClient> ConnectAsync(LiveEvent live, string name, string lang)
    {
        var registration = await factory.Api.RegisterAsync(live.Id, new RegisterAttendeeRequest(name));
        var client = new TestClient(factory.Connect(registration.Token, lang: lang), registration.AttendeeId, registration.Token);
        await client.Connection.StartAsync();
        await client.Connection.Join();
        return client;
    }

    private async Task<TestClient> HostInAsync(LiveEvent live, string lang)
    {
        var host = new TestClient(factory.Connect(live.Created.HostToken, lang: lang), "", live.Created.HostToken);
        await host.Connection.StartAsync();
        await host.Connection.Join();
        return host;
    }
}

public sealed class EndLiveOnRedisTests(RedisNetwerkLiveFactory factory) : EndLiveTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
