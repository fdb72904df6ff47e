using Microsoft.Extensions.Time.Testing;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// A server of its own on a fake clock with one event, for a test that lets time pass. The server
/// issues tokens on the fake clock but they are checked against the real one (30 s of skew allowed),
/// so register whoever joins late before moving the clock on, and connect them afterwards.
/// </summary>
public sealed class ClockedEvent : IAsyncDisposable
{
    private readonly List<TestClient> _clients = [];

    private ClockedEvent(FakeClockFactory factory, LiveEvent live)
    {
        Factory = factory;
        Live = live;
    }

    /// <summary>An event on a new server of its own, in Redis mode when <paramref name="onRedis"/>.</summary>
    public static async Task<ClockedEvent> CreateAsync(HubProtocol protocol = HubProtocol.MessagePack, bool onRedis = false)
    {
        var factory = onRedis ? new RedisFakeClockFactory() : new FakeClockFactory();
        return new ClockedEvent(factory, await LiveEvent.CreateAsync(factory, protocol));
    }

    public FakeClockFactory Factory { get; }

    public LiveEvent Live { get; }

    public FakeTimeProvider Clock => Factory.Clock;

    /// <summary>The server's now, in epoch milliseconds as it writes times.</summary>
    public long Now => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Moves the clock on to <paramref name="epochMs"/> (a time the server sent), firing every timer due by then.</summary>
    public void AdvanceTo(long epochMs)
    {
        Assert.True(epochMs >= Now, "The fake clock cannot go back.");
        Clock.Advance(TimeSpan.FromMilliseconds(epochMs - Now));
    }

    /// <summary>Registers an attendee now (so their token is valid later), without connecting.</summary>
    public Task<RegisterAttendeeResponse> RegisterAsync(string name) =>
        Factory.Api.RegisterAsync(Live.Id, new RegisterAttendeeRequest(name, name + " BV"));

    /// <summary>Connects with a token issued earlier and joins, as a late joiner or a reconnecting phone does.</summary>
    public async Task<(TestClient Client, JoinResult Join)> ConnectAsync(string attendeeId, string token)
    {
        var (client, join) = await Factory.ConnectAsync(attendeeId, token, Live.Protocol);
        _clients.Add(client);
        return (client, join!);
    }

    /// <summary>Drops the client's connection and waits until the server has handled the disconnect.</summary>
    public async Task DropAsync(TestClient client)
    {
        await client.DisposeAsync();
        await Factory.Disconnected.WaitFor(id => id == client.AttendeeId);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
        await Live.DisposeAsync();
        await Factory.DisposeAsync();
    }
}
