using System.Globalization;
using System.Text;

namespace NetwerkLive.Server.Schedule;

/// <summary>One event as an RFC 5545 calendar (a VCALENDAR with one VEVENT).</summary>
public sealed record CalendarEntry(string Uid, DateTimeOffset Stamp, DateTimeOffset Start, DateTimeOffset End, string Summary, string Description, string Url);

/// <summary>
/// Writes <see cref="CalendarEntry"/> as RFC 5545 text: CRLF line ends, TEXT values escaped (3.3.11), times in UTC,
/// and lines folded at 75 octets (3.1) without splitting a UTF-8 character. A few lines rather than a library: the
/// service only ever writes this one shape.
/// </summary>
public static class IcsCalendar
{
    private const int MaxLineOctets = 75;
    private const string Crlf = "\r\n";

    public static string Write(CalendarEntry entry)
    {
        var text = new StringBuilder();
        void Line(string line) => Fold(text, line);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//NetwerkLive//NetwerkLive//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("BEGIN:VEVENT");
        Line("UID:" + Escape(entry.Uid));
        Line("DTSTAMP:" + Utc(entry.Stamp));
        Line("DTSTART:" + Utc(entry.Start));
        Line("DTEND:" + Utc(entry.End));
        Line("SUMMARY:" + Escape(entry.Summary));
        Line("DESCRIPTION:" + Escape(entry.Description));
        // URL is a URI value, not TEXT: no escaping (a link the server built has no line breaks).
        Line("URL:" + entry.Url);
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>A DATE-TIME in UTC ("form #2": 19980119T070000Z), which every calendar reads without a VTIMEZONE.</summary>
    public static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping: backslash, semicolon and comma get a backslash; every kind of line break becomes \n.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// Appends <paramref name="line"/> folded: at most 75 octets per physical line, each continuation starting with
    /// one space (which counts); a character (a whole rune, so never half a UTF-8 sequence or surrogate pair) goes
    /// to the next line when it does not fit.
    /// </summary>
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > MaxLineOctets)
            {
                text.Append(Crlf).Append(' ');
                octets = 1;
            }
            text.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }
        text.Append(Crlf);
    }
}
