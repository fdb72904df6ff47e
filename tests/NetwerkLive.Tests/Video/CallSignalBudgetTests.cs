using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Breakouts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Video;

/// <summary>
/// Signalling has a budget of its own (Video:SignalsPerWindow per Video:SignalWindow, here 100 per 10 s, so one
/// signal refills every 100 ms) and leaves the general call budget (60 calls, here per hour) alone. Every limit at its default otherwise,
/// on a fake clock that refills nothing unless the test moves it.
/// </summary>
public class CallSignalBudgetTests : IAsyncLifetime, IDisposable
{
    private const int Signals = 100;

    private readonly FakeClockFactory _factory;
    private LiveEvent _live = null!;
    private TestClient _ann = null!;
    private TestClient _bob = null!;
    private string _groupId = "";

    public CallSignalBudgetTests() : this(new FakeClockFactory())
    {
    }

    protected CallSignalBudgetTests(FakeClockFactory factory)
    {
        _factory = factory;
        // The call budget over an hour: Redis keeps a bucket only as long as it takes to refill in real time (a
        // 10 s window: under 2 s after Join), and 100 signals on a busy machine take longer than that, which would
        // hand back a full bucket however the signals were counted.
        _factory.WithDefaultLimits().With("Video:SignalsPerWindow", Signals.ToString(System.Globalization.CultureInfo.InvariantCulture)).With("Video:SignalWindow", "00:00:10")
            .With("Limits:HubCallWindow", "01:00:00");
    }

    public async Task InitializeAsync()
    {
        _live = await LiveEvent.CreateAsync(_factory, HubProtocol.MessagePack);
        var (host, _) = await _live.JoinAsHostAsync();
        var people = await _live.JoinAllAsync("Ann", "Bob");
        (_ann, _bob) = (people[0], people[1]);
        var round = await host.Connection.StartRound(600, 2);
        _groupId = (await people.AssignmentsAsync(round.RoundId))[_ann.AttendeeId].GroupId;
    }

    private Task SignalAsync(int i) => _ann.Connection.SendCallSignal(_groupId, _bob.AttendeeId, "candidate " + i);

    [Fact]
    public async Task AFloodOfSignalsIsRefusedAndOneMorePassesOnceTheBudgetRefilled()
    {
        for (var i = 0; i < Signals; i++)
        {
            await SignalAsync(i);
        }

        var refusal = await Assert.ThrowsAsync<HubException>(() => SignalAsync(Signals));
        _factory.Clock.Advance(TimeSpan.FromMilliseconds(100));
        await SignalAsync(Signals + 1);
        var again = await Assert.ThrowsAsync<HubException>(() => SignalAsync(Signals + 2));

        Assert.Equal(HubRefusals.Message(nameof(IEventHub.SendCallSignal), "Your call is sending too many messages. Wait 1 second; the call tries again by itself."), refusal.Message);
        Assert.Contains("too many messages", again.Message, StringComparison.Ordinal);
        var last = await _bob.CallSignals.WaitFor(n => n.Payload == "candidate " + (Signals + 1));
        Assert.Equal(Signals + 1, _bob.CallSignals.Items.Count);
        Assert.DoesNotContain(_bob.CallSignals.Items, n => n.Payload == "candidate " + Signals);
        Assert.Equal(_ann.AttendeeId, last.FromAttendeeId);
    }

    [Fact]
    public async Task SignalsDoNotTakeFromTheGeneralCallBudget()
    {
        // More signals than the whole call budget (60; Join took 5 of Ann's).
        for (var i = 0; i < Signals; i++)
        {
            await SignalAsync(i);
        }

        for (var i = 0; i < 55; i++)
        {
            await _ann.Connection.GetChatSince(0, 1);
        }
        var refusal = await Assert.ThrowsAsync<HubException>(() => _ann.Connection.GetChatSince(0, 1));

        Assert.Contains("You are doing things too quickly.", refusal.Message, StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await _live.DisposeAsync();

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same budget in Redis (RedisRateBudgets), on the fake clock.</summary>
public sealed class CallSignalBudgetOnRedisTests : CallSignalBudgetTests
{
    public CallSignalBudgetOnRedisTests() : base(new RedisFakeClockFactory())
    {
    }
}
