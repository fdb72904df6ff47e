using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Limits;
using NetwerkLive.Server.Storage.Redis;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Limits;

/// <summary>What every <see cref="IConnectionSlots"/> must do with the default cap of five per attendee.</summary>
public abstract class ConnectionSlotsContract
{
    // Fresh per test, so one Redis shared by the tests of a class works too.
    protected string EventId { get; } = "e" + Guid.NewGuid().ToString("N");

    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected abstract IConnectionSlots Slots { get; }

    protected static async Task<int> AcquireAsync(IConnectionSlots slots, string eventId, string attendeeId, int tries, string tag = "c")
    {
        var taken = 0;
        for (var i = 0; i < tries; i++)
        {
            if (await slots.TryAcquireAsync(eventId, attendeeId, $"{tag}{i}"))
            {
                taken++;
            }
        }
        return taken;
    }

    [Fact]
    public async Task FiveConnectionsOfOneAttendeeGetASlotAndTheSixthDoesNot()
    {
        Assert.Equal(5, await AcquireAsync(Slots, EventId, "ann", tries: 5));

        Assert.False(await Slots.TryAcquireAsync(EventId, "ann", "sixth"));
    }

    [Fact]
    public async Task AReleasedSlotCanBeTakenAgain()
    {
        await AcquireAsync(Slots, EventId, "ann", tries: 5);

        await Slots.ReleaseAsync(EventId, "ann", "c2");

        Assert.True(await Slots.TryAcquireAsync(EventId, "ann", "sixth"));
    }

    [Fact]
    public async Task AttendeesAndEventsHaveSlotsOfTheirOwn()
    {
        await AcquireAsync(Slots, EventId, "ann", tries: 5);

        Assert.True(await Slots.TryAcquireAsync(EventId, "bob", "b1"));
        Assert.True(await Slots.TryAcquireAsync("other" + EventId, "ann", "a1"));
    }
}

public sealed class InMemoryConnectionSlotsTests : ConnectionSlotsContract
{
    protected override IConnectionSlots Slots { get; } = new InMemoryConnectionSlots(Options.Create(new LimitOptions()));
}

/// <summary>On real Redis: slots are shared by nodes, and the slots of a node that stops renewing free themselves.</summary>
public sealed class RedisConnectionSlotsTests : ConnectionSlotsContract
{
    private static readonly Lazy<(RedisConnection Connection, RedisGate Gate)> Node =
        new(() => RedisServer.Connect(RedisServer.Instance.NewOptions()));

    private static readonly RedisOptions Cluster = new() { NodeTimeout = TimeSpan.FromSeconds(10), HeartbeatInterval = TimeSpan.FromSeconds(3) };

    private readonly RedisConnectionSlots _nodeA;
    private readonly RedisConnectionSlots _nodeB;

    public RedisConnectionSlotsTests()
    {
        _nodeA = NewNode();
        _nodeB = NewNode();
    }

    protected override IConnectionSlots Slots => _nodeA;

    private RedisConnectionSlots NewNode() =>
        new(Node.Value.Connection, Node.Value.Gate, Time, Options.Create(new LimitOptions()), Options.Create(Cluster));

    [Fact]
    public async Task SlotsTakenOnOneNodeCountOnTheOther()
    {
        Assert.Equal(3, await AcquireAsync(_nodeA, EventId, "ann", tries: 3, tag: "a"));

        Assert.Equal(2, await AcquireAsync(_nodeB, EventId, "ann", tries: 5, tag: "b"));
    }

    [Fact]
    public async Task TheSlotsOfANodeThatStoppedRenewingAreFreeAfterTheNodeTimeout()
    {
        await AcquireAsync(_nodeA, EventId, "ann", tries: 5);
        Time.Advance(Cluster.NodeTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(await _nodeB.TryAcquireAsync(EventId, "ann", "b1"));

        Time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(await _nodeB.TryAcquireAsync(EventId, "ann", "b1"));
    }

    [Fact]
    public async Task RenewedSlotsStayTakenPastTheFirstLease()
    {
        await AcquireAsync(_nodeA, EventId, "ann", tries: 5);
        Time.Advance(TimeSpan.FromSeconds(9));

        await _nodeA.RenewAsync();
        Time.Advance(TimeSpan.FromSeconds(9));

        Assert.False(await _nodeB.TryAcquireAsync(EventId, "ann", "b1"));
    }
}
