using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.AfterLive;
using NetwerkLive.Server.AsksAndOffers;
using NetwerkLive.Server.Auth;
using NetwerkLive.Server.Limits;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Schedule;
using NetwerkLive.Server.Storage;
using NetwerkLive.Server.Video;

namespace NetwerkLive.Server.Events;

/// <summary>The HTTP API: create an event, look at it, register for it.</summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events").WithTags("Events");
        group.MapPost("/", CreateEvent).RequireRateLimiting(RatePolicies.CreateEvent);
        group.MapGet("/{eventId}", GetEvent).RequireRateLimiting(RatePolicies.Read);
        group.MapPost("/{eventId}/attendees", Register).RequireRateLimiting(RatePolicies.Register);
        return group;
    }

    private static async Task<Results<Created<CreateEventResponse>, ValidationProblem, ProblemHttpResult>> CreateEvent(
        CreateEventRequest request, HttpContext http, IEventStore store, TokenIssuer tokens, PersonTokens persons, TimeProvider time,
        IOptions<EventLinkOptions> links, ILogger<RoomLog> logger)
    {
        var errors = new Dictionary<string, string[]>();
        AddError(errors, "title", TextRules.CheckName(request.Title?.Trim(), Texts.Get("Field.Title"), 120));
        AddError(errors, "livestreamUrl", TextRules.CheckHttpUrl(TextRules.Clean(request.LivestreamUrl), Texts.Get("Field.LivestreamUrl")));
        var template = TextRules.Clean(request.MeetingUrlTemplate);
        AddError(errors, "meetingUrlTemplate", TextRules.CheckHttpUrl(template?.Replace("{room}", "room", StringComparison.Ordinal), Texts.Get("Field.MeetingUrlTemplate"))
            ?? (template is not null && !template.Contains("{room}", StringComparison.Ordinal)
                ? Texts.Get("Event.MeetingUrlNeedsRoom")
                : null));
        var requestedMode = TextRules.Clean(request.MeetingMode);
        var mode = MeetingModeRules.Resolve(requestedMode, template);
        AddError(errors, "meetingMode", MeetingModeRules.CheckMode(requestedMode));
        if (!errors.ContainsKey("meetingUrlTemplate") && !errors.ContainsKey("meetingMode"))
        {
            AddError(errors, "meetingUrlTemplate", MeetingModeRules.CheckLink(mode, template));
        }
        AddError(errors, "hostName", TextRules.CheckOptionalName(TextRules.Clean(request.HostName), Texts.Get("Field.HostName"), 60));
        var schedule = ScheduleRules.Read(request, time.GetUtcNow(), errors);
        if (errors.Count > 0)
        {
            return Invalid(errors, Texts.Get("Event.NotCreatedTitle"));
        }
        string? seriesId = null;
        string? hostPersonId = null;
        if (TextRules.Clean(request.ContinuesEventId) is { } earlierId)
        {
            var (earlier, refusal) = await SeriesOfAsync(http, store, earlierId);
            if (refusal is not null)
            {
                return refusal;
            }
            seriesId = earlier!.Series;
            // The host proved who they are with the earlier host token: they stay the same person in the series.
            hostPersonId = (await store.GetAttendeeAsync(earlier.EventId, earlier.HostId, http.RequestAborted))?.PersonId;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var eventId = Ids.NewEventId();
        var hostId = Ids.NewAttendeeId();
        hostPersonId ??= Ids.NewPersonId();
        var record = new EventRecord(eventId, request.Title!.Trim(), TextRules.Clean(request.LivestreamUrl), template, hostId, now, seriesId, mode,
            schedule.StartsAt, LiveAt: null, schedule.Description, schedule.InterestTags, schedule.AllowOwnInterests);
        await store.CreateEventAsync(record, http.RequestAborted);
        await store.AddAttendeeAsync(new AttendeeRecord(eventId, hostId, TextRules.Clean(request.HostName) ?? "Host", null, [], null,
            IsHost: true, Available: false, Removed: false, now, hostPersonId), http.RequestAborted);
        RoomLog.EventCreated(logger, eventId);

        var joinUrl = links.Value.JoinUrl(http.Request, eventId);
        return TypedResults.Created($"/api/events/{eventId}", new CreateEventResponse(eventId, tokens.Issue(eventId, hostId, isHost: true), joinUrl,
            persons.Issue(record.SeriesKey, hostPersonId)));
    }

    /// <summary>Only the host of the earlier event may continue its series: they send its host token.</summary>
    private static async Task<(EventRecord? Earlier, ProblemHttpResult? Refusal)> SeriesOfAsync(HttpContext http, IEventStore store, string earlierId)
    {
        var earlier = await store.GetEventAsync(earlierId, http.RequestAborted);
        if (earlier is null)
        {
            return (null, UnknownEvent(earlierId));
        }
        var auth = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        var caller = auth.Succeeded ? EventCaller.From(auth.Principal) : null;
        if (caller is null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Texts.Get("Series.NotSignedInTitle"),
                detail: Texts.Get("Series.NotSignedIn")));
        }
        if (!caller.IsHost || caller.EventId != earlier.EventId)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: Texts.Get("Series.NotHostTitle"),
                detail: Texts.Get("Series.NotHost")));
        }
        return (earlier, null);
    }

    private static async Task<Results<Ok<EventSummary>, ProblemHttpResult>> GetEvent(string eventId, IEventStore store, IPresenceStore presence, CancellationToken ct)
    {
        var record = await store.GetEventAsync(eventId, ct);
        if (record is null)
        {
            return UnknownEvent(eventId);
        }
        return TypedResults.Ok(record.ToSummary(await presence.CountAsync(eventId, ct)));
    }

    private static async Task<Results<Created<RegisterAttendeeResponse>, ValidationProblem, ProblemHttpResult>> Register(
        string eventId, RegisterAttendeeRequest request, IEventStore store, TokenIssuer tokens, PersonTokens persons, TimeProvider time, IOptions<LimitOptions> limits, CancellationToken ct)
    {
        if (await store.GetEventAsync(eventId, ct) is not { } ev)
        {
            return UnknownEvent(eventId);
        }
        if (ev.IsClosed(time.GetUtcNow().ToUnixTimeMilliseconds()))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: Texts.Get("AfterLive.ClosedTitle"), detail: Texts.Get("AfterLive.Closed"));
        }
        var errors = new Dictionary<string, string[]>();
        var displayName = TextRules.Clean(request.DisplayName);
        AddError(errors, "displayName", TextRules.CheckName(displayName, Texts.Get("Field.DisplayName"), 60));
        var company = TextRules.Clean(request.Company);
        AddError(errors, "company", TextRules.CheckOptional(company, Texts.Get("Field.Company"), 100));
        var interests = CleanInterests(request.Interests, ev, out var interestsError);
        AddError(errors, "interests", interestsError);
        var (contact, contactRefusal) = Contacts.Normalise(TextRules.Clean(request.Contact));
        AddError(errors, "contact", contactRefusal);
        var ask = AskOfferRules.Clean(request.Ask, ev, Texts.Get("Field.Ask"), out var askError);
        AddError(errors, "ask", askError);
        var offer = AskOfferRules.Clean(request.Offer, ev, Texts.Get("Field.Offer"), out var offerError);
        AddError(errors, "offer", offerError);
        // Only a person token the server issued says who someone is: nothing they type (contact, name) does.
        var person = TextRules.Clean(request.PersonToken) is { } personToken
            ? await persons.CheckAsync(personToken, ev.SeriesKey)
            : new PersonTokenCheck(Ids.NewPersonId(), null);
        AddError(errors, "personToken", person.Refusal);
        if (errors.Count > 0)
        {
            return Invalid(errors, Texts.Get("Event.NotRegisteredTitle"));
        }
        var personId = person.PersonId!;
        if (await store.IsPersonRemovedAsync(eventId, personId, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: Texts.Get("Person.RemovedTitle"), detail: Texts.Get("Person.Removed"));
        }
        // Checked before adding, so registrations arriving at the same instant may pass it by a few.
        if (await store.CountAttendeesAsync(eventId, ct) >= limits.Value.MaxAttendeesPerEvent)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Texts.Get("Limits.EventFullTitle"),
                detail: LimitMessages.EventFull(limits.Value.MaxAttendeesPerEvent));
        }

        var attendeeId = Ids.NewAttendeeId();
        await store.AddAttendeeAsync(new AttendeeRecord(eventId, attendeeId, displayName!, company, interests, contact,
            IsHost: false, Available: true, Removed: false, time.GetUtcNow().ToUnixTimeMilliseconds(), personId, Ask: ask, Offer: offer), ct);
        return TypedResults.Created($"/api/events/{eventId}/attendees/{attendeeId}",
            new RegisterAttendeeResponse(attendeeId, tokens.Issue(eventId, attendeeId, isHost: false), persons.Issue(ev.SeriesKey, personId)));
    }

    public const int MaxInterests = 10;
    public const int MaxInterestLength = 30;

    /// <summary>
    /// Trims the tags and drops empty ones and case-insensitive duplicates; the event's own tags are taken in their
    /// spelling (and may be longer than an interest of one's own), others only when the host allows them.
    /// </summary>
    private static string[] CleanInterests(string[]? raw, EventRecord ev, out string? error)
    {
        error = null;
        if (raw is null)
        {
            return [];
        }
        var tags = raw.Select(TextRules.Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (tags.Length > MaxInterests)
        {
            error = Texts.Format("Event.TooManyInterests", Texts.Count("Unit.Interests", MaxInterests), tags.Length);
            return [];
        }
        var matched = ScheduleRules.MatchInterests(ev, tags, out error);
        error ??= matched.Where(m => !m.IsTag)
            .Select(m => TextRules.CheckOptional(m.Interest, Texts.Format("Field.Interest", Shorten(m.Interest)), MaxInterestLength)).FirstOrDefault(e => e is not null);
        return [.. matched.Select(m => m.Interest)];
    }

    private static string Shorten(string tag) => tag.Length <= 20 ? tag : tag[..20] + "…";

    private static void AddError(Dictionary<string, string[]> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors[field] = [message];
        }
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors, string title) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)), title: title);

    internal static ProblemHttpResult UnknownEvent(string eventId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Texts.Get("Event.NotFoundTitle"),
            detail: Texts.Format("Event.NotFound", Shorten(eventId)));
}
