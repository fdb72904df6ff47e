using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Auth;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
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

    /// <param name="tz">For the CSV: the reader's time zone (IANA), by default Europe/Amsterdam in Dutch and UTC in English.</param>
    private static async Task<Results<Ok<EventReport>, FileContentHttpResult, ProblemHttpResult>> GetReport(
        string eventId, string? format, string? tz, HttpContext http, IEventStore events, IBreakoutStore breakouts, ICoffeeStore coffees, TimeProvider time)
    {
        var caller = EventCaller.From(http.User);
        if (caller is null || !caller.IsHost || caller.EventId != eventId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: Texts.Get("Auth.OnlyHostTitle"),
                detail: Texts.Get("Report.OnlyHost"));
        }
        var ev = await events.GetEventAsync(eventId, http.RequestAborted);
        if (ev is null)
        {
            return EventsApi.UnknownEvent(eventId);
        }
        var language = CultureInfo.CurrentUICulture;
        var zone = string.IsNullOrWhiteSpace(tz) ? ReportCsv.DefaultZone(language) : PersonTime.Zone(tz);
        if (zone is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: Texts.Get("Report.UnknownTimeZoneTitle"),
                detail: Texts.Format("Report.UnknownTimeZone", tz!));
        }
        var report = await BuildAsync(ev, events, breakouts, coffees, time.GetUtcNow().ToUnixTimeMilliseconds(), http.RequestAborted);
        return format?.ToUpperInvariant() switch
        {
            null or "" or "JSON" => TypedResults.Ok(report),
            "CSV" => TypedResults.File(ReportCsv.ToBytes(report, language, zone), "text/csv; charset=utf-8", $"netwerklive-{eventId}-report.csv"),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: Texts.Get("Report.UnknownFormatTitle"),
                detail: Texts.Format("Report.UnknownFormat", format)),
        };
    }

    public static async Task<EventReport> BuildAsync(EventRecord ev, IEventStore events, IBreakoutStore breakouts, ICoffeeStore coffees, long now, CancellationToken ct)
    {
        var state = await breakouts.GetAsync(ev.EventId, ct);
        var meetings = await breakouts.GetMeetingsAsync(ev.EventId, ct);
        var mutual = await breakouts.GetMutualFollowUpsAsync(ev.EventId, ct);

        // A round in which nobody was placed (too few open, or only people who must not meet) held no networking:
        // PastRounds keeps it, the report does not count it.
        var rounds = state.PastRounds
            .Where(r => r.GroupCount > 0)
            .Select(r => new RoundReport(r.RoundId, r.StartedAt, r.EndedAt, r.GroupCount, r.ParticipantCount, ToArrays(r.Groups), r.FormedWithCall.Count))
            .ToList();
        if (state.RunningRound is { GroupCount: > 0 } running)
        {
            rounds.Add(new RoundReport(running.RoundId, running.StartedAt, null, running.GroupCount, running.Participants.Count, ToArrays(running.GroupsFormed),
                running.FormedWithCall.Count));
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

        var breakoutCount = rounds.Sum(r => r.GroupCount) + coffeeChats;
        var withCall = rounds.Sum(r => r.GroupsWithCall) + state.CoffeeChatsWithCall;
        // Coffee rooms (Coffees/) are no breakouts or coffee chats here: they record no meetings and count only below.
        var (agreed, held) = Coffees.CoffeeService.Counts(await coffees.GetAsync(ev.EventId, ct));
        return new EventReport(ev.EventId, ev.Title, now, [.. rounds], coffeeChats, breakoutCount, withCall, peopleMet, pairs.Count,
            meetings.Count(m => m.New), meetings.Count(m => m.New && m.CrossCompany), followUps.Length, followUps)
        {
            AskOfferMatches = state.AskOfferMatches,
            CoffeesAgreed = agreed,
            CoffeesHeld = held,
        };
    }

    private static string[][] ToArrays(List<List<string>> groups) => [.. groups.Select(g => g.ToArray())];
}
