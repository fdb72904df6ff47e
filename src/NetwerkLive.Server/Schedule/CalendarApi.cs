using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Limits;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Schedule;

/// <summary>"Add to calendar": the event as an ICS file (RFC 5545), in the language asked for (<c>?lang=</c>).</summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events/{eventId}/calendar.ics", GetCalendar).WithTags("Events").RequireRateLimiting(RatePolicies.Read);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCalendar(string eventId, HttpContext http, IEventStore store,
        TimeProvider time, IOptions<EventLinkOptions> links, IOptions<ScheduleOptions> options)
    {
        if (await store.GetEventAsync(eventId, http.RequestAborted) is not { } ev)
        {
            return EventsApi.UnknownEvent(eventId);
        }
        if (ev.StartsAt is not { } startsAt)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Texts.Get("Schedule.NoStartTimeTitle"),
                detail: Texts.Get("Schedule.NoStartTime"));
        }
        var joinUrl = links.Value.JoinUrl(http.Request, eventId);
        var start = DateTimeOffset.FromUnixTimeMilliseconds(startsAt);
        var joinLine = Texts.Format("Schedule.CalendarJoin", joinUrl);
        var entry = new CalendarEntry(
            Uid: $"{ev.EventId}@netwerklive",
            Stamp: time.GetUtcNow(),
            Start: start,
            End: start + options.Value.CalendarEventLength,
            Summary: ev.Title,
            Description: ev.Description is null ? joinLine : ev.Description + "\n\n" + joinLine,
            Url: joinUrl);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(IcsCalendar.Write(entry)), "text/calendar; charset=utf-8", $"{ev.EventId}.ics");
    }
}
