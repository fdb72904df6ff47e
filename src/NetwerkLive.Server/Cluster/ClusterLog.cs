namespace NetwerkLive.Server.Cluster;

internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "A handler of cluster message {Topic} failed")]
    public static partial void BusHandlerFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Node {NodeId} cannot reach the shared store to say it is alive")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception, string nodeId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Node {NodeId} reaches the shared store again")]
    public static partial void HeartbeatRestored(ILogger logger, string nodeId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Node {DeadNodeId} stopped saying it is alive: dropped its connections ({IdleCount} attendees left without one)")]
    public static partial void NodeDropped(ILogger logger, string deadNodeId, int idleCount);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Took over the overdue breakout timer of event {EventId}")]
    public static partial void TimerTakenOver(ILogger logger, string eventId);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "A cluster sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
