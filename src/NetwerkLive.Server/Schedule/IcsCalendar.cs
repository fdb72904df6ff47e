using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace NetwerkLive.Server.Schedule;

/// <summary>
/// One event as a calendar entry. <see cref="Zone"/>: an IANA zone (<see cref="Localization.PersonTime.Zone"/>; the times
/// are written in it, with its VTIMEZONE), or null for UTC (which every calendar reads without one).
/// </summary>
public sealed record CalendarEntry(string Uid, DateTimeOffset Stamp, DateTimeOffset Start, DateTimeOffset End, string Summary,
    string Description, string Url, TimeZoneInfo? Zone = null);

/// <summary>
/// Writes <see cref="CalendarEntry"/> as an RFC 5545 calendar (a VCALENDAR with one VEVENT), with Ical.Net: the one
/// writer of the event's "add to calendar" file and of an agreed coffee's. Ical.Net escapes TEXT values (3.3.11) and
/// folds lines at 75 octets (3.1); the tests read every physical line back to hold it to that.
/// </summary>
public static class IcsCalendar
{
    private const string Utc = "UTC";

    public static string Write(CalendarEntry entry)
    {
        var calendar = new Calendar { ProductId = "-//NetwerkLive//NetwerkLive//EN", Method = "PUBLISH" };
        if (entry.Zone is { } zone)
        {
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Id, Local(entry.Start, zone).Value, includeHistoricalData: false));
        }
        calendar.Events.Add(new CalendarEvent
        {
            Uid = entry.Uid,
            DtStamp = new CalDateTime(entry.Stamp.UtcDateTime, Utc),
            DtStart = Local(entry.Start, entry.Zone),
            DtEnd = Local(entry.End, entry.Zone),
            Summary = entry.Summary,
            Description = entry.Description,
            Url = new Uri(entry.Url),
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Local(DateTimeOffset time, TimeZoneInfo? zone) => zone is null
        ? new CalDateTime(time.UtcDateTime, Utc)
        : new CalDateTime(TimeZoneInfo.ConvertTime(time, zone).DateTime, zone.Id);
}
