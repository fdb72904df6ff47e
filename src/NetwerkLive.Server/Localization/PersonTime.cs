using System.Globalization;

namespace NetwerkLive.Server.Localization;

/// <summary>
/// The person's time zone, for the times the server writes into what they read: a hub refusal ("the coffee room opens at
/// 09:50"), the report's CSV, a calendar file. The browser names it (an IANA id from <c>Intl</c>, <c>?tz=</c>); a hub call
/// runs in the zone of the request that opened its connection (<see cref="HubLanguageFilter"/>), as it runs in its language.
/// </summary>
public static class PersonTime
{
    /// <summary>The query value that names the zone (<c>?tz=Europe/Amsterdam</c>).</summary>
    public const string QueryKey = "tz";

    private static readonly AsyncLocal<TimeZoneInfo?> CurrentZone = new();

    /// <summary>The zone of the person this call answers, or null when their browser named none this server knows.</summary>
    public static TimeZoneInfo? Current
    {
        get => CurrentZone.Value;
        set => CurrentZone.Value = value;
    }

    /// <summary>
    /// The zone an IANA id names (Europe/Amsterdam), or null when it is missing or this server does not know it. A Windows
    /// id (W. Europe Standard Time), which the report's <c>tz</c> has always taken, becomes its IANA zone (Europe/Berlin),
    /// so a calendar file can name it.
    /// </summary>
    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
        {
            return null;
        }
        return zone.HasIanaId ? zone
            : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var ianaId) && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var iana) ? iana : null;
    }

    /// <summary>
    /// A moment as the person reads it (<paramref name="format"/>, e.g. "yyyy-MM-dd HH:mm"): in their zone, or in UTC with
    /// " UTC" after it when the server does not know their zone, so a time is never read in the wrong zone.
    /// </summary>
    public static string Format(DateTimeOffset at, string format) => Current is { } zone
        ? TimeZoneInfo.ConvertTime(at, zone).ToString(format, CultureInfo.InvariantCulture)
        : at.UtcDateTime.ToString(format, CultureInfo.InvariantCulture) + " UTC";
}
