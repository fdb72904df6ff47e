using Microsoft.Extensions.DependencyInjection;
using NetwerkLive.Client;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Storage.Redis;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Cluster;

/// <summary>A node the others took for dead (it stalled, or Redis restarted empty) puts its people back.</summary>
public sealed class NodeRecoveryTests
{
    [Fact]
    public async Task ANodeWhoseConnectionsWereDroppedAsDeadPutsThemBackInThePresence()
    {
        await using var factory = new RedisNetwerkLiveFactory()
            .With("Redis:HeartbeatInterval", "00:00:00.200")
            .With("Redis:NodeTimeout", "00:00:01")
            .With("Redis:SweepInterval", "00:00:00.200");
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        var self = factory.Services.GetRequiredService<NodeIdentity>();
        var presence = factory.Services.GetRequiredService<RedisPresenceStore>();

        // What a survivor does to a node whose heartbeat expired: drop its connections, forget it.
        var dropped = await presence.DropNodeAsync(self.NodeId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(new[] { ann.AttendeeId, bob.AttendeeId }.Order(StringComparer.Ordinal), dropped.Select(d => d.AttendeeId).Order(StringComparer.Ordinal));
        Assert.All(dropped, d => Assert.Equal(live.Id, d.EventId));
        await factory.Services.GetRequiredService<RedisNodes>().ForgetNodeAsync(self.NodeId);

        // The node learns it at its next beat; nothing pushes that to a client, so look at the store (bounded).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await BothConnectedAsync(presence, live.Id, ann.AttendeeId, bob.AttendeeId))
        {
            Assert.True(DateTime.UtcNow < deadline, "The node did not put its connections back within 15 s of being dropped.");
            await Task.Delay(100);
        }
        Assert.Equal(2, await presence.CountAsync(live.Id));
        Assert.DoesNotContain(await presence.GetIdleAsync(long.MaxValue, int.MaxValue), i => i.EventId == live.Id);
    }

    // Present, and not idle: each has a connection again.
    private static async Task<bool> BothConnectedAsync(RedisPresenceStore presence, string eventId, params string[] attendeeIds)
    {
        var idle = await presence.GetIdleAsync(long.MaxValue, int.MaxValue);
        foreach (var id in attendeeIds)
        {
            if (await presence.GetJoinedAtAsync(eventId, id) is null || idle.Any(i => i.EventId == eventId && i.AttendeeId == id))
            {
                return false;
            }
        }
        return true;
    }
}
