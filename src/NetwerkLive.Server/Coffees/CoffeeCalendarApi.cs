using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NetwerkLive.Server.Auth;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Limits;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Schedule;

namespace NetwerkLive.Server.Coffees;

/// <summary>
/// "Add to calendar" for an agreed coffee: <c>GET /api/events/{eventId}/coffees/{dateId}/calendar.ics?lang=&amp;tz=</c> with
/// the attendee's token. The times are in the person's IANA zone (<c>DTSTART;TZID=</c> with its <c>VTIMEZONE</c>), the
/// texts in their language (<c>?lang=</c>, as every HTTP answer); it names the other person and links the event page,
/// never a contact. <see cref="IcsCalendar"/> writes it, as it writes the event's own file.
/// </summary>
public static class CoffeeCalendarApi
{
    public static IEndpointRouteBuilder MapCoffeeCalendar(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events/{eventId}/coffees/{dateId}/calendar.ics", GetCalendar)
            .RequireAuthorization().RequireRateLimiting(RatePolicies.Read).WithTags("Events");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCalendar(string eventId, string dateId, string? tz, HttpContext http,
        CoffeeService coffees, TimeProvider time, IOptions<EventLinkOptions> links)
    {
        var caller = EventCaller.From(http.User);
        var found = caller is null || caller.EventId != eventId ? null : await coffees.FindAsync(eventId, caller.AttendeeId, dateId);
        if (found is not var (ev, coffee, other))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Texts.Get("Coffees.NotFoundTitle"),
                detail: Texts.Get("Coffees.NoSuchCoffee"));
        }
        if (coffee.Cancelled || coffee.StartsAt is not { } startsAt || coffee.EndsAt is not { } endsAt)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Texts.Get("Coffees.NotAgreedTitle"),
                detail: Texts.Get("Coffees.NotAgreed"));
        }
        var joinUrl = links.Value.JoinUrl(http.Request, eventId);
        var text = IcsCalendar.Write(new CalendarEntry($"{coffee.DateId}@netwerklive", time.GetUtcNow(),
            DateTimeOffset.FromUnixTimeMilliseconds(startsAt), DateTimeOffset.FromUnixTimeMilliseconds(endsAt),
            Texts.Format("Coffees.CalendarSummary", other.DisplayName),
            Texts.Format("Coffees.CalendarDescription", other.DisplayName, ev.Title, joinUrl), joinUrl, PersonTime.Zone(tz)));
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"coffee-{coffee.DateId}.ics");
    }
}
