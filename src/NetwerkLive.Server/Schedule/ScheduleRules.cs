using System.Globalization;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Schedule;

/// <summary>The event's schedule fields as the host sends them, checked: each null when not given.</summary>
public sealed record ScheduleFields(long? StartsAt, string? Description, string[] InterestTags, bool AllowOwnInterests);

/// <summary>
/// The rules for what a host says about the event before it starts (start time, description, interest tags) and for
/// the interests attendees choose. Each refusal is a sentence in the person's language (<see cref="Texts"/>).
/// </summary>
public static class ScheduleRules
{
    public const int MaxDescriptionLength = 1000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;

    /// <summary>A start time this far back is a typo (or yesterday's date), not an event that just began.</summary>
    public static readonly TimeSpan LatestPastStart = TimeSpan.FromHours(1);

    /// <summary>Further ahead than a year is a typo in the year.</summary>
    public static readonly TimeSpan FurthestStart = TimeSpan.FromDays(366);

    /// <summary>Checks the schedule fields of <paramref name="request"/>; refusals go into <paramref name="errors"/> by field.</summary>
    public static ScheduleFields Read(CreateEventRequest request, DateTimeOffset now, IDictionary<string, string[]> errors)
    {
        var startsAt = ReadStartsAt(TextRules.Clean(request.StartsAt), now, out var startError);
        Add(errors, "startsAt", startError);
        var description = TextRules.Clean(request.Description);
        Add(errors, "description", TextRules.CheckOptional(description, Texts.Get("Field.Description"), MaxDescriptionLength, allowLineBreaks: true));
        var tags = ReadTags(request.InterestTags, out var tagsError);
        Add(errors, "interestTags", tagsError);
        return new ScheduleFields(startsAt, description, tags, request.AllowOwnInterests ?? true);
    }

    /// <summary>
    /// ISO 8601 with an offset or Z only: a time without one would be read in the server's zone, which is
    /// nobody's (the browser sends its own offset).
    /// </summary>
    private static long? ReadStartsAt(string? raw, DateTimeOffset now, out string? error)
    {
        error = null;
        if (raw is null)
        {
            return null;
        }
        string[] formats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        var hasOffset = raw.EndsWith('Z') || raw.EndsWith('z') || HasNumericOffset(raw);
        if (!hasOffset || !DateTimeOffset.TryParseExact(raw, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var startsAt))
        {
            error = Texts.Get("Schedule.StartsAtFormat");
            return null;
        }
        if (startsAt < now - LatestPastStart)
        {
            error = Texts.Get("Schedule.StartsAtPast");
        }
        else if (startsAt > now + FurthestStart)
        {
            error = Texts.Get("Schedule.StartsAtTooFar");
        }
        return error is null ? startsAt.ToUnixTimeMilliseconds() : null;
    }

    // "+01:00" or "-05:00" after the time (the date's own dashes come before the 'T').
    private static bool HasNumericOffset(string raw)
    {
        var time = raw.IndexOf('T', StringComparison.Ordinal);
        return time > 0 && raw.AsSpan(time).IndexOfAny('+', '-') > 0;
    }

    /// <summary>Trimmed, empty ones dropped, duplicates ignoring case removed (the first spelling kept).</summary>
    private static string[] ReadTags(string[]? raw, out string? error)
    {
        error = null;
        if (raw is null)
        {
            return [];
        }
        var tags = raw.Select(TextRules.Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (tags.Length > MaxTags)
        {
            error = Texts.Format("Event.TooManyInterests", Texts.Count("Unit.Interests", MaxTags), tags.Length);
            return [];
        }
        error = tags.Select(t => TextRules.CheckOptional(t, Texts.Format("Field.InterestTag", Shorten(t)), MaxTagLength)).FirstOrDefault(e => e is not null);
        return tags;
    }

    /// <summary>
    /// An attendee's interests against the event's tags: each that is a tag (ignoring case) is kept in the tag's
    /// spelling, so people who chose the same tag share it; others are refused unless the host allows own interests.
    /// Returns the interests to store and whether each is one of the tags.
    /// </summary>
    public static (string Interest, bool IsTag)[] MatchInterests(EventRecord ev, string[] interests, out string? error)
    {
        error = null;
        var matched = interests
            .Select(i => ev.Tags.FirstOrDefault(t => string.Equals(t, i, StringComparison.OrdinalIgnoreCase)) is { } tag ? (tag, true) : (i, false))
            .DistinctBy(m => m.Item1, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        if (!ev.OwnInterestsAllowed && matched.FirstOrDefault(m => !m.Item2) is { Item1: { } notATag })
        {
            error = Texts.Format("Schedule.InterestNotATag", Shorten(notATag));
        }
        return matched;
    }

    private static string Shorten(string tag) => tag.Length <= 20 ? tag : tag[..20] + "…";

    private static void Add(IDictionary<string, string[]> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors[field] = [message];
        }
    }
}
