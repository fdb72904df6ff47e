using System.Diagnostics;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;
using NetwerkLive.Server.Storage.Redis;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Storage.Redis;

/// <summary>The node registry, leases, and taking over the connections of a node that died.</summary>
public sealed class RedisNodeTests : IAsyncLifetime
{
    private readonly RedisConnection _connection;
    private readonly RedisGate _gate;
    private readonly NodeIdentity _dead = new();
    private readonly NodeIdentity _alive = new();
    private readonly string _eventId = Ids.NewEventId();
    private readonly string _ann = Ids.NewAttendeeId();
    private readonly string _bob = Ids.NewAttendeeId();
    private readonly string _cas = Ids.NewAttendeeId();

    public RedisNodeTests() => (_connection, _gate) = RedisServer.Connect(RedisServer.Instance.NewOptions());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    private RedisPresenceStore PresenceOn(NodeIdentity node) => new(_connection, _gate, node, RedisServer.Expiry(_connection, _gate));

    private RedisNodes Nodes => new(_connection, _gate);

    [Fact]
    public async Task DroppingADeadNodeRemovesOnlyItsConnectionsAndMakesWhoIsLeftWithoutOneIdle()
    {
        var dead = PresenceOn(_dead);
        var alive = PresenceOn(_alive);
        await dead.ConnectAsync(_eventId, _ann, "ann-1", now: 1_000);
        await dead.ConnectAsync(_eventId, _ann, "ann-2", now: 1_001);
        await dead.ConnectAsync(_eventId, _bob, "bob-1", now: 1_002);
        await alive.ConnectAsync(_eventId, _bob, "bob-2", now: 1_003);
        await alive.ConnectAsync(_eventId, _cas, "cas-1", now: 1_004);

        var idle = await alive.DropNodeAsync(_dead.NodeId, now: 9_000);

        Assert.Equal([new IdleAttendee(_eventId, _ann, 9_000)], idle);
        Assert.Equal(3, await alive.CountAsync(_eventId));
        Assert.Equal([new IdleAttendee(_eventId, _ann, 9_000)], await IdleOfThisEventAsync(alive));
        Assert.Equal(0, await alive.DisconnectAsync(_eventId, _bob, "bob-2", now: 9_500));
        Assert.Equal(0, await alive.DisconnectAsync(_eventId, _cas, "cas-1", now: 9_500));
    }

    [Fact]
    public async Task DroppingANodeTwiceChangesNothingTheSecondTime()
    {
        var dead = PresenceOn(_dead);
        await dead.ConnectAsync(_eventId, _ann, "ann-1", now: 1_000);
        await PresenceOn(_alive).DropNodeAsync(_dead.NodeId, now: 9_000);

        var again = await PresenceOn(_alive).DropNodeAsync(_dead.NodeId, now: 10_000);

        Assert.Empty(again);
        Assert.Equal([new IdleAttendee(_eventId, _ann, 9_000)], await IdleOfThisEventAsync(dead));
    }

    [Fact]
    public async Task DroppingANodeOnTwoNodesAtOnceReportsEachIdleAttendeeOnce()
    {
        var dead = PresenceOn(_dead);
        await dead.ConnectAsync(_eventId, _ann, "ann-1", now: 1_000);
        await dead.ConnectAsync(_eventId, _bob, "bob-1", now: 1_000);

        var runs = await Task.WhenAll(
            Task.Run(() => PresenceOn(_alive).DropNodeAsync(_dead.NodeId, now: 9_000)),
            Task.Run(() => PresenceOn(new NodeIdentity()).DropNodeAsync(_dead.NodeId, now: 9_000)));

        Assert.Equal(new[] { _ann, _bob }.Order(StringComparer.Ordinal), runs.SelectMany(r => r).Select(i => i.AttendeeId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnAttendeeEvictedBeforeTheirNodeDiedIsNotMadeIdle()
    {
        var dead = PresenceOn(_dead);
        await dead.ConnectAsync(_eventId, _ann, "ann-1", now: 1_000);
        await dead.EvictAsync(_eventId, _ann);

        Assert.Empty(await PresenceOn(_alive).DropNodeAsync(_dead.NodeId, now: 9_000));
        Assert.Equal(0, await dead.CountAsync(_eventId));
        Assert.Empty(await IdleOfThisEventAsync(dead));
    }

    [Fact]
    public async Task ANodeWhoseBeatExpiredIsDeadUntilForgotten()
    {
        await Nodes.BeatAsync(_dead.NodeId, TimeSpan.FromMilliseconds(200));
        await Nodes.BeatAsync(_alive.NodeId, TimeSpan.FromMinutes(1));

        // Only Redis knows when the key expires: poll, bounded.
        var waited = Stopwatch.StartNew();
        IReadOnlyList<string> dead;
        while (!(dead = await Nodes.GetDeadNodesAsync()).Contains(_dead.NodeId) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        Assert.Equal([_dead.NodeId], dead);
        await Nodes.ForgetNodeAsync(_dead.NodeId);
        Assert.Empty(await Nodes.GetDeadNodesAsync());
    }

    [Fact]
    public async Task ANodeThatKeepsBeatingIsNotDead()
    {
        await Nodes.BeatAsync(_alive.NodeId, TimeSpan.FromMinutes(1));

        Assert.Empty(await Nodes.GetDeadNodesAsync());
    }

    [Fact]
    public async Task OnlyOneOfTwoOwnersGetsALease()
    {
        var taken = await Task.WhenAll(
            Task.Run(() => Nodes.TryTakeLeaseAsync("sweeper", _alive.NodeId, TimeSpan.FromMinutes(1))),
            Task.Run(() => Nodes.TryTakeLeaseAsync("sweeper", _dead.NodeId, TimeSpan.FromMinutes(1))));

        Assert.Single(taken, t => t);
    }

    private async Task<IReadOnlyList<IdleAttendee>> IdleOfThisEventAsync(RedisPresenceStore store) =>
        [.. (await store.GetIdleAsync(long.MaxValue, int.MaxValue)).Where(i => i.EventId == _eventId)];
}
