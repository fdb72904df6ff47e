namespace NetwerkLive.Contracts;

// The HTTP API's bodies. System.Text.Json writes them camelCase.

public sealed record CreateEventRequest(string? Title, string? LivestreamUrl = null, string? MeetingUrlTemplate = null, string? HostName = null);

public sealed record CreateEventResponse(string EventId, string HostToken, string JoinUrl);

public sealed record RegisterAttendeeRequest(string? DisplayName, string? Company = null, string[]? Interests = null, string? Contact = null);

public sealed record RegisterAttendeeResponse(string AttendeeId, string Token);
