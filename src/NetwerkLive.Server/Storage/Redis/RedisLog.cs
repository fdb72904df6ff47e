using System.Net;
using StackExchange.Redis;

namespace NetwerkLive.Server.Storage.Redis;

internal static partial class RedisLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Redis connection to {EndPoint} failed ({FailureType}); store calls fail until it is restored")]
    public static partial void ConnectionFailed(ILogger logger, Exception? exception, EndPoint? endPoint, ConnectionFailureType failureType);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Redis connection to {EndPoint} restored")]
    public static partial void ConnectionRestored(ILogger logger, EndPoint? endPoint);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Redis ({Configuration}) is not reachable yet; retrying in the background")]
    public static partial void NotConnectedYet(ILogger logger, string configuration);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Redis circuit opened for {BreakDuration} after repeated failures ({Pipeline})")]
    public static partial void CircuitOpened(ILogger logger, Exception? exception, TimeSpan breakDuration, string pipeline);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Redis circuit closed again ({Pipeline})")]
    public static partial void CircuitClosed(ILogger logger, string pipeline);
}
