using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Schedule.ScheduleHttp;

namespace NetwerkLive.Tests.Schedule;

/// <summary>The host opens the event before its start time: once, for everyone, and a later Join knows.</summary>
public class GoLiveTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private static CreateEventRequest StartsTomorrow() => Request(DateTimeOffset.UtcNow.AddDays(1), "Voorjaarsborrel");

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task GoingLiveTellsEveryoneInTheRoomWhenAndALaterJoinSeesIt(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol, StartsTomorrow());
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, annJoin) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        Assert.Null(annJoin.Event.LiveAt);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await host.Connection.GoLive();

        var notices = await Task.WhenAll(new[] { host, ann, bob }.Select(c => c.EventLive.WaitForAny()));
        var liveAt = notices[0].LiveAt;
        Assert.All(notices, n => Assert.Equal(liveAt, n.LiveAt));
        Assert.InRange(liveAt, before - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000);
        var (_, carlaJoin) = await live.JoinAsync("Carla");
        Assert.Equal(liveAt, carlaJoin.Event.LiveAt);
        Assert.Equal(liveAt, (await live.GetAsync()).LiveAt);
    }

    [Fact]
    public async Task GoingLiveASecondTimeChangesNothingAndPushesNothing()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack, StartsTomorrow());
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        await host.Connection.GoLive();
        var first = await ann.EventLive.WaitForAny();

        await host.Connection.GoLive();
        // Pushes to one connection arrive in order: once this announcement is in, a second EventLive would be too.
        await host.Connection.Announce("De zaal is open");
        await ann.Announcements.WaitForAny();

        Assert.Single(ann.EventLive.Items);
        Assert.Equal(first.LiveAt, (await live.GetAsync()).LiveAt);
    }

    [Theory]
    [InlineData("en", "Only the host of this event can open the live part.")]
    [InlineData("nl", "Alleen de host van dit evenement kan het live gedeelte openen.")]
    public async Task AnAttendeeCannotGoLive(string lang, string refusal)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack, StartsTomorrow());
        var registration = await factory.Api.RegisterAsync(live.Id, new RegisterAttendeeRequest("Ann", null, null, null, null));
        await using var ann = new TestClient(factory.Connect(registration.Token, lang: lang), registration.AttendeeId, registration.Token);
        await ann.Connection.StartAsync();
        await ann.Connection.Join();

        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => ann.Connection.GoLive());

        Assert.Equal(HubRefusals.Message("GoLive", refusal), error.Message);
        Assert.Null((await live.GetAsync()).LiveAt);
    }
}

public sealed class GoLiveOnRedisTests(RedisNetwerkLiveFactory factory) : GoLiveTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
