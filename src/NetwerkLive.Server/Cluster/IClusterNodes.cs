using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Cluster;

/// <summary>The nodes of a deployment as the shared store sees them: who is alive, and who holds which lease.</summary>
public interface IClusterNodes
{
    /// <summary>Says this node is alive for the next <paramref name="ttl"/>.</summary>
    Task BeatAsync(string nodeId, TimeSpan ttl);

    /// <summary>Nodes that once said they were alive and have not said so within their ttl.</summary>
    Task<IReadOnlyList<string>> GetDeadNodesAsync();

    /// <summary>True for exactly one caller until the lease expires: so only one survivor does a takeover.</summary>
    Task<bool> TryTakeLeaseAsync(string name, string owner, TimeSpan ttl);

    /// <summary>Removes every connection a dead node held; returns the attendees left with none (idle from <paramref name="now"/>).</summary>
    Task<IReadOnlyList<IdleAttendee>> DropNodeAsync(string nodeId, long now);

    /// <summary>Forgets a node whose connections were dropped.</summary>
    Task ForgetNodeAsync(string nodeId);
}
