using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NetwerkLive.Server.Auth;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Limits;
using NetwerkLive.Server.Localization;

namespace NetwerkLive.Server.Coffees;

/// <summary>
/// "Add to calendar" for an agreed coffee: <c>GET /api/events/{eventId}/coffees/{dateId}/calendar.ics?lang=&amp;tz=</c> with
/// the attendee's token. The times are in the person's IANA zone (<c>DTSTART;TZID=</c> with its <c>VTIMEZONE</c>), the
/// texts in their language (<c>?lang=</c>, as every HTTP answer); it names the other person and links the event page,
/// never a contact. Ical.Net writes it: unlike the event's own file (UTC only), this one needs the zone's rules.
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
        var zone = KnownZone(tz);
        var joinUrl = links.Value.JoinUrl(http.Request, eventId);
        var text = Write(new CoffeeInvite($"{coffee.DateId}@netwerklive", time.GetUtcNow(), startsAt, endsAt, zone,
            Texts.Format("Coffees.CalendarSummary", other.DisplayName),
            Texts.Format("Coffees.CalendarDescription", other.DisplayName, ev.Title, joinUrl), joinUrl));
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"coffee-{coffee.DateId}.ics");
    }

    /// <summary>The IANA zone asked for, or UTC when it is missing or this server does not know it.</summary>
    public static string KnownZone(string? tz)
    {
        if (string.IsNullOrWhiteSpace(tz) || !TimeZoneInfo.TryFindSystemTimeZoneById(tz.Trim(), out var zone) || !zone.HasIanaId)
        {
            return "UTC";
        }
        return zone.Id;
    }

    public static string Write(CoffeeInvite invite)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(invite.Zone);
        DateTime LocalTime(long epochMs) => TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(epochMs), zone).DateTime;
        CalDateTime Local(long epochMs) => new(LocalTime(epochMs), invite.Zone);
        var calendar = new Calendar { ProductId = "-//NetwerkLive//NetwerkLive//EN", Method = "PUBLISH" };
        if (invite.Zone != "UTC")
        {
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(invite.Zone, LocalTime(invite.StartsAt), includeHistoricalData: false));
        }
        calendar.Events.Add(new CalendarEvent
        {
            Uid = invite.Uid,
            DtStamp = new CalDateTime(invite.Stamp.UtcDateTime, "UTC"),
            DtStart = invite.Zone == "UTC" ? new CalDateTime(DateTimeOffset.FromUnixTimeMilliseconds(invite.StartsAt).UtcDateTime, "UTC") : Local(invite.StartsAt),
            DtEnd = invite.Zone == "UTC" ? new CalDateTime(DateTimeOffset.FromUnixTimeMilliseconds(invite.EndsAt).UtcDateTime, "UTC") : Local(invite.EndsAt),
            Summary = invite.Summary,
            Description = invite.Description,
            Url = new Uri(invite.Url),
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}

/// <summary>What the coffee's calendar file says; <see cref="Zone"/> an IANA id this server knows, or "UTC".</summary>
public sealed record CoffeeInvite(string Uid, DateTimeOffset Stamp, long StartsAt, long EndsAt, string Zone, string Summary, string Description, string Url);
