using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Auth;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>GET /api/events/{eventId}/report: what the event's networking achieved, for its host (JSON or ?format=csv).</summary>
public static class ReportApi
{
    public static IEndpointRouteBuilder MapBreakouts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events/{eventId}/report", GetReport).RequireAuthorization().RequireRateLimiting(Limits.RatePolicies.Read).WithTags("Events");
        return app;
    }

    private static async Task<Results<Ok<EventReport>, FileContentHttpResult, ProblemHttpResult>> GetReport(
        string eventId, string? format, HttpContext http, IEventStore events, IBreakoutStore breakouts, TimeProvider time)
    {
        var caller = EventCaller.From(http.User);
        if (caller is null || !caller.IsHost || caller.EventId != eventId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only for the host",
                detail: "The networking report is only for the host of this event: send the event's host token as 'Authorization: Bearer TOKEN'.");
        }
        var ev = await events.GetEventAsync(eventId, http.RequestAborted);
        if (ev is null)
        {
            return EventsApi.UnknownEvent(eventId);
        }
        var report = await BuildAsync(ev, events, breakouts, time.GetUtcNow().ToUnixTimeMilliseconds(), http.RequestAborted);
        return format?.ToUpperInvariant() switch
        {
            null or "" or "JSON" => TypedResults.Ok(report),
            "CSV" => TypedResults.File(Encoding.UTF8.GetBytes(ToCsv(report)), "text/csv; charset=utf-8", $"netwerklive-{eventId}-report.csv"),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format",
                detail: $"The report comes as JSON (the default) or CSV (?format=csv), not '{format}'."),
        };
    }

    public static async Task<EventReport> BuildAsync(EventRecord ev, IEventStore events, IBreakoutStore breakouts, long now, CancellationToken ct)
    {
        var state = await breakouts.GetAsync(ev.EventId, ct);
        var meetings = await breakouts.GetMeetingsAsync(ev.EventId, ct);
        var mutual = await breakouts.GetMutualFollowUpsAsync(ev.EventId, ct);

        var rounds = state.PastRounds
            .Select(r => new RoundReport(r.RoundId, r.StartedAt, r.EndedAt, r.GroupCount, r.ParticipantCount, ToArrays(r.Groups)))
            .ToList();
        if (state.RunningRound is { } running)
        {
            rounds.Add(new RoundReport(running.RoundId, running.StartedAt, null, running.GroupCount, running.Participants.Count, ToArrays(running.GroupsFormed)));
        }
        // People, not registrations: someone who registered twice and met the same person from both is one pair.
        var pairs = meetings.Select(m => Pairing.PairKey.Of(m.PersonA, m.PersonB)).ToHashSet();
        var peopleMet = meetings.SelectMany(m => new[] { m.PersonA, m.PersonB }).Distinct(StringComparer.Ordinal).Count();
        var coffeeChats = meetings.Where(m => m.RoundId.StartsWith(BreakoutIds.CoffeePrefix, StringComparison.Ordinal))
            .Select(m => m.RoundId).Distinct(StringComparer.Ordinal).Count();

        var names = (await events.GetAttendeesAsync(ev.EventId, [.. mutual.SelectMany(p => new[] { p.First, p.Second }).Distinct(StringComparer.Ordinal)], ct))
            .ToDictionary(a => a.AttendeeId, a => a.DisplayName, StringComparer.Ordinal);
        var followUps = mutual
            .Select(p => new FollowUpPair(new PersonRef(p.First, names.GetValueOrDefault(p.First, "?")), new PersonRef(p.Second, names.GetValueOrDefault(p.Second, "?"))))
            .ToArray();

        return new EventReport(ev.EventId, ev.Title, now, [.. rounds], coffeeChats, peopleMet, pairs.Count,
            meetings.Count(m => m.New), meetings.Count(m => m.New && m.CrossCompany), followUps.Length, followUps);
    }

    /// <summary>The same report as CSV: one "record" column saying what each row is, so it opens in any spreadsheet.</summary>
    public static string ToCsv(EventReport report)
    {
        var csv = new StringBuilder();
        Row(csv, "record", "name", "value");
        Row(csv, "event", "eventId", report.EventId);
        Row(csv, "event", "title", report.Title);
        Row(csv, "event", "generatedAt", Iso(report.GeneratedAt));
        Row(csv, "total", "rounds", report.Rounds.Length.ToString(CultureInfo.InvariantCulture));
        Row(csv, "total", "coffeeChats", report.CoffeeChats.ToString(CultureInfo.InvariantCulture));
        Row(csv, "total", "peopleMet", report.PeopleMet.ToString(CultureInfo.InvariantCulture));
        Row(csv, "total", "distinctPairs", report.DistinctPairs.ToString(CultureInfo.InvariantCulture));
        Row(csv, "total", "newMeetings", report.NewMeetings.ToString(CultureInfo.InvariantCulture));
        Row(csv, "total", "newCrossCompanyMeetings", report.NewCrossCompanyMeetings.ToString(CultureInfo.InvariantCulture));
        Row(csv, "total", "mutualFollowUps", report.MutualFollowUps.ToString(CultureInfo.InvariantCulture));
        csv.AppendLine();
        Row(csv, "record", "roundId", "startedAt", "endedAt", "groupCount", "participantCount");
        foreach (var round in report.Rounds)
        {
            Row(csv, "round", round.RoundId, Iso(round.StartedAt), round.EndedAt is { } end ? Iso(end) : "",
                round.GroupCount.ToString(CultureInfo.InvariantCulture), round.ParticipantCount.ToString(CultureInfo.InvariantCulture));
        }
        csv.AppendLine();
        Row(csv, "record", "attendeeIdA", "displayNameA", "attendeeIdB", "displayNameB");
        foreach (var pair in report.FollowUps)
        {
            Row(csv, "followUp", pair.A.AttendeeId, pair.A.DisplayName, pair.B.AttendeeId, pair.B.DisplayName);
        }
        return csv.ToString();
    }

    private static string[][] ToArrays(List<List<string>> groups) => [.. groups.Select(g => g.ToArray())];

    private static string Iso(long epochMs) => DateTimeOffset.FromUnixTimeMilliseconds(epochMs).ToString("O", CultureInfo.InvariantCulture);

    // RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula.
    private static void Row(StringBuilder csv, params string[] cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
