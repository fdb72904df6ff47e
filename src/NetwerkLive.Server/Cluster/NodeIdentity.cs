using NetwerkLive.Server.Events;

namespace NetwerkLive.Server.Cluster;

/// <summary>This server process among the nodes of a deployment: new at every start, so a restarted node is a new one.</summary>
public sealed class NodeIdentity
{
    public string NodeId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Ids.New(6)}";
}
