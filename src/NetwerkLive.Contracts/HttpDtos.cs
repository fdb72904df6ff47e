namespace NetwerkLive.Contracts;

// The HTTP API's bodies. System.Text.Json writes them camelCase.

/// <summary>
/// <see cref="ContinuesEventId"/> joins the series of an earlier event: send that event's host token as a bearer token.
/// <see cref="MeetingMode"/>: how breakouts meet (<see cref="MeetingModes"/>), "inPage" by default, or "both" when only
/// <see cref="MeetingUrlTemplate"/> is given; "external" and "both" need the template.
/// <see cref="StartsAt"/>: ISO 8601 with an offset or Z ("2026-12-15T19:30:00+01:00"), optional; <see cref="Description"/>
/// optional; <see cref="InterestTags"/> the interests attendees choose from; <see cref="AllowOwnInterests"/> whether they may
/// add their own (default true).
/// </summary>
public sealed record CreateEventRequest(string? Title, string? LivestreamUrl = null, string? MeetingUrlTemplate = null, string? HostName = null, string? ContinuesEventId = null,
    string? MeetingMode = null, string? StartsAt = null, string? Description = null, string[]? InterestTags = null, bool? AllowOwnInterests = null);

/// <summary><see cref="PersonToken"/> is the host's person token for the event's series (see <see cref="RegisterAttendeeResponse"/>).</summary>
public sealed record CreateEventResponse(string EventId, string HostToken, string JoinUrl, string PersonToken);

/// <summary>A new host token (the old one no longer works) and the host console link that carries it.</summary>
public sealed record HostTokenResponse(string HostToken, string HostUrl);

/// <summary>
/// <see cref="PersonToken"/>: the person token from an earlier registration in the same series, to be recognised
/// as the same person (for pairing memory and blocks); leave it out to register as a new person.
/// <see cref="Ask"/> and <see cref="Offer"/>: "Ik zoek / Ik bied" (see <see cref="AskOffer"/>), optional.
/// </summary>
public sealed record RegisterAttendeeRequest(string? DisplayName, string? Company = null, string[]? Interests = null, string? Contact = null, string? PersonToken = null,
    AskOffer? Ask = null, AskOffer? Offer = null);

/// <summary>
/// <see cref="Token"/> signs in to this event; <see cref="PersonToken"/> says who you are across its series: keep it
/// and send it with your next registration in the series (the same one again, or the one you sent).
/// </summary>
public sealed record RegisterAttendeeResponse(string AttendeeId, string Token, string PersonToken);

/// <summary>
/// The networking outcome of an event, for its host. Never holds contact details. <see cref="Breakouts"/>: groups held
/// (every round's groups and the coffee chats); <see cref="BreakoutsWithCall"/>: of those, how many had an in-page
/// call that connected (counts only, no media data). <see cref="AskOfferMatches"/>: groups (round and coffee) in which
/// one member's ask matched another's offer when they were grouped; <see cref="CoffeesAgreed"/>: coffees for which a
/// time was agreed (cancelled later or not); <see cref="CoffeesHeld"/>: of those, the ones both entered (counts only).
/// </summary>
public sealed record EventReport(
    string EventId,
    string Title,
    long GeneratedAt,
    RoundReport[] Rounds,
    int CoffeeChats,
    int Breakouts,
    int BreakoutsWithCall,
    int PeopleMet,
    int DistinctPairs,
    int NewMeetings,
    int NewCrossCompanyMeetings,
    int MutualFollowUps,
    FollowUpPair[] FollowUps)
{
    public int AskOfferMatches { get; init; }

    public int CoffeesAgreed { get; init; }

    public int CoffeesHeld { get; init; }
}

/// <summary>
/// A host round: <see cref="EndedAt"/> is null while it runs; groups list the attendee ids placed together;
/// <see cref="GroupsWithCall"/>: how many of its groups had an in-page call that connected (counts only, no media data).</summary>
public sealed record RoundReport(string RoundId, long StartedAt, long? EndedAt, int GroupCount, int ParticipantCount, string[][] Groups, int GroupsWithCall);

public sealed record PersonRef(string AttendeeId, string DisplayName);

public sealed record FollowUpPair(PersonRef A, PersonRef B);
