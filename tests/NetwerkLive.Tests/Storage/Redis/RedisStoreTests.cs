using Microsoft.Extensions.Options;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;
using NetwerkLive.Server.Storage.Redis;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Storage.Redis;

/// <summary>One connection per test class under its own key prefix: the class's "node".</summary>
internal static class ClassNode
{
    public static Lazy<(RedisConnection Connection, RedisGate Gate)> Create() =>
        new(() => RedisServer.Connect(RedisServer.Instance.NewOptions()));
}

public sealed class RedisEventStoreTests : EventStoreContract
{
    private static readonly Lazy<(RedisConnection Connection, RedisGate Gate)> Node = ClassNode.Create();

    protected override IEventStore CreateStore() => new RedisEventStore(Node.Value.Connection, Node.Value.Gate, RedisServer.Expiry(Node.Value.Connection, Node.Value.Gate));
}

public sealed class RedisChatStoreTests : ChatStoreContract
{
    private static readonly Lazy<(RedisConnection Connection, RedisGate Gate)> Node = ClassNode.Create();

    protected override IChatStore CreateStore(int retention) =>
        new RedisChatStore(Node.Value.Connection, Node.Value.Gate, Options.Create(new RoomOptions { ChatRetention = retention }), RedisServer.Expiry(Node.Value.Connection, Node.Value.Gate));
}

public sealed class RedisPresenceStoreTests : PresenceStoreContract
{
    private static readonly Lazy<(RedisConnection Connection, RedisGate Gate)> Node = ClassNode.Create();

    protected override IPresenceStore CreateStore() => new RedisPresenceStore(Node.Value.Connection, Node.Value.Gate, new NodeIdentity(), RedisServer.Expiry(Node.Value.Connection, Node.Value.Gate));
}

public sealed class RedisBreakoutStoreTests : BreakoutStoreContract
{
    private static readonly Lazy<(RedisConnection Connection, RedisGate Gate)> Node = ClassNode.Create();

    protected override IBreakoutStore CreateStore() => new RedisBreakoutStore(Node.Value.Connection, Node.Value.Gate, RedisServer.Expiry(Node.Value.Connection, Node.Value.Gate));

    [Fact]
    public async Task GroupOfOnOneNodeSeesAChangeMadeOnAnotherAfterItKeptTheGroupsOfThatEvent()
    {
        var (eventId, ann, bob) = (Ids.NewEventId(), Ids.NewAttendeeId(), Ids.NewAttendeeId());
        var (nodeA, nodeB) = (CreateStore(), CreateStore());
        await nodeB.UpdateAsync(eventId, state =>
        {
            state.AddGroup(new GroupState { GroupId = "g1", RoundId = "r1", Members = [ann, bob], EndsAt = 1_700_000_600_000 });
            return true;
        });
        Assert.Equal(("r1", "g1", [ann, bob], false), await GroupOfAsync(nodeA, eventId, ann));

        await nodeB.UpdateAsync(eventId, state => state.RemoveMember(bob));

        Assert.Equal(("r1", "g1", [ann], false), await GroupOfAsync(nodeA, eventId, ann));
        Assert.Null(await GroupOfAsync(nodeA, eventId, bob));
    }
}

public sealed class RedisCoffeeStoreTests : CoffeeStoreContract
{
    private static readonly Lazy<(RedisConnection Connection, RedisGate Gate)> Node = ClassNode.Create();

    protected override ICoffeeStore CreateStore() => new RedisCoffeeStore(Node.Value.Connection, Node.Value.Gate, RedisServer.Expiry(Node.Value.Connection, Node.Value.Gate));
}
