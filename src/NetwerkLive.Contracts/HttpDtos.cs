namespace NetwerkLive.Contracts;

// The HTTP API's bodies. System.Text.Json writes them camelCase.

/// <summary><see cref="ContinuesEventId"/> joins the series of an earlier event: send that event's host token as a bearer token.</summary>
public sealed record CreateEventRequest(string? Title, string? LivestreamUrl = null, string? MeetingUrlTemplate = null, string? HostName = null, string? ContinuesEventId = null);

public sealed record CreateEventResponse(string EventId, string HostToken, string JoinUrl);

/// <summary>A new host token (the old one no longer works) and the host console link that carries it.</summary>
public sealed record HostTokenResponse(string HostToken, string HostUrl);

public sealed record RegisterAttendeeRequest(string? DisplayName, string? Company = null, string[]? Interests = null, string? Contact = null);

public sealed record RegisterAttendeeResponse(string AttendeeId, string Token);

/// <summary>The networking outcome of an event, for its host. Never holds contact details.</summary>
public sealed record EventReport(
    string EventId,
    string Title,
    long GeneratedAt,
    RoundReport[] Rounds,
    int CoffeeChats,
    int PeopleMet,
    int DistinctPairs,
    int NewMeetings,
    int NewCrossCompanyMeetings,
    int MutualFollowUps,
    FollowUpPair[] FollowUps);

/// <summary>A host round: <see cref="EndedAt"/> is null while it runs; groups list the attendee ids placed together.</summary>
public sealed record RoundReport(string RoundId, long StartedAt, long? EndedAt, int GroupCount, int ParticipantCount, string[][] Groups);

public sealed record PersonRef(string AttendeeId, string DisplayName);

public sealed record FollowUpPair(PersonRef A, PersonRef B);
