using NetwerkLive.Server.Storage;
using NetwerkLive.Server.Storage.Redis;

namespace NetwerkLive.Server.Cluster.Redis;

/// <summary>The nodes of the deployment as Redis records them (see docs/redis.md for the keys).</summary>
internal sealed class RedisClusterNodes(RedisNodes nodes, RedisPresenceStore presence) : IClusterNodes
{
    public Task BeatAsync(string nodeId, TimeSpan ttl) => nodes.BeatAsync(nodeId, ttl);

    public Task<IReadOnlyList<string>> GetDeadNodesAsync() => nodes.GetDeadNodesAsync();

    public Task<bool> TryTakeLeaseAsync(string name, string owner, TimeSpan ttl) => nodes.TryTakeLeaseAsync(name, owner, ttl);

    public Task<IReadOnlyList<IdleAttendee>> DropNodeAsync(string nodeId, long now) => presence.DropNodeAsync(nodeId, now);

    public Task ForgetNodeAsync(string nodeId) => nodes.ForgetNodeAsync(nodeId);
}
