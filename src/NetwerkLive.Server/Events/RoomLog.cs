namespace NetwerkLive.Server.Events;

/// <summary>Log messages of the live room. Ids only: names, contacts and chat text never go to logs.</summary>
public sealed partial class RoomLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Event {EventId} created")]
    public static partial void EventCreated(ILogger logger, string eventId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Attendee {AttendeeId} joined event {EventId} on connection {ConnectionId}")]
    public static partial void Joined(ILogger logger, string eventId, string attendeeId, string connectionId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Host removed attendee {AttendeeId} from event {EventId}")]
    public static partial void AttendeeRemoved(ILogger logger, string eventId, string attendeeId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Refused hub call {Method} in event {EventId}: {Reason}")]
    public static partial void CallRefused(ILogger logger, string method, string? eventId, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Hub call {Method} in event {EventId} failed")]
    public static partial void CallFailed(ILogger logger, Exception exception, string method, string? eventId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Hub call {Method} in event {EventId} failed: the shared store is unavailable ({Reason})")]
    public static partial void StoreUnavailable(ILogger logger, string method, string? eventId, string? reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Could not record that a connection of event {EventId} closed; will retry")]
    public static partial void DisconnectDeferred(ILogger logger, Exception exception, string eventId);
}
