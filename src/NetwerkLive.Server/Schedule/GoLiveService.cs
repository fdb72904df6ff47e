using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Schedule;

/// <summary>The host opens the event's live part before its start time: the lobby becomes the room for everyone.</summary>
public sealed class GoLiveService(IEventStore events, IHubContext<EventHub, IEventClient> hub, TimeProvider time, ILogger<GoLiveService> logger)
{
    public async Task GoLiveAsync(RoomMember host)
    {
        BreakoutService.RequireHost(host, "HostOnly.GoLive");
        var liveAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        // Only the call that set it tells everyone: a second click, or a second tab, pushes nothing.
        if (await events.SetLiveAsync(host.EventId, liveAt))
        {
            ScheduleLog.WentLive(logger, host.EventId);
            await hub.Clients.Group(EventGroups.Room(host.EventId)).EventLive(new EventLiveNotice(liveAt));
        }
    }
}

/// <summary>Log messages of the event's schedule (22xx). Ids only.</summary>
internal static partial class ScheduleLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "The host of event {EventId} went live")]
    public static partial void WentLive(ILogger logger, string eventId);
}
