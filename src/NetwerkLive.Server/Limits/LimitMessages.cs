using System.Globalization;

namespace NetwerkLive.Server.Limits;

/// <summary>
/// Every refusal of a limit or cap, as a sentence a person understands, in one place so it can be
/// translated. Each says what the limit is and when trying again will work.
/// </summary>
public static class LimitMessages
{
    public static string ChatTooFast(int messages, TimeSpan window) =>
        $"You are sending messages too quickly: at most {messages} messages per {Seconds(window)} seconds. Wait a moment and try again; your message was not sent.";

    public static string ChatTooFastFromNetwork(int messages, TimeSpan window) =>
        $"Too many messages come from your network in this event: at most {messages} per {Seconds(window)} seconds for everyone on it together. Wait a moment and try again; your message was not sent.";

    public static string HubCallsTooFast(TimeSpan retryAfter) =>
        $"You are doing things too quickly. Wait {Wait(retryAfter)} and try again; nothing was changed.";

    public static string AvailabilityTooOften(int changes, TimeSpan window, TimeSpan retryAfter) =>
        $"You are switching between open and not open for networking too often: at most {changes} times per {Span(window)}. Wait {Wait(retryAfter)} and try again; nothing was changed.";

    public static string TooManyConnections(int connections) =>
        $"This event is already open in {connections} tabs or devices with your registration, the most allowed. Close one of them and reload this page.";

    public static string TooManyEvents(int events, TimeSpan retryAfter) =>
        $"Too many events were created from your network: at most {events} per hour. Try again in {Wait(retryAfter)}.";

    public static string TooManyRegistrationsForEvent(int registrations, TimeSpan retryAfter) =>
        $"Too many registrations for this event come from your network: at most {registrations} per hour. Try again in {Wait(retryAfter)}.";

    public static string TooManyRegistrations(int registrations, TimeSpan retryAfter) =>
        $"Too many registrations come from your network: at most {registrations} per hour. Try again in {Wait(retryAfter)}.";

    public static string TooManyReads(int reads, TimeSpan retryAfter) =>
        $"Too many requests come from your network: at most {reads} per minute. Try again in {Wait(retryAfter)}.";

    public static string TooManyHubRequests(int requests, TimeSpan retryAfter) =>
        $"Too many connections are being opened from your network: at most {requests} attempts per minute. Try again in {Wait(retryAfter)}.";

    public static string EventFull(int people) =>
        $"This event is full: it takes at most {people} people. Ask the host whether there will be room later.";

    public const string TooManyRequestsTitle = "Too many requests";

    public const string TooManyRequests = "Too many requests come from your network. Wait a moment and try again.";

    public const string EventFullTitle = "Event full";

    /// <summary>"1 second", "40 seconds", "3 minutes": rounded up, so waiting that long always works.</summary>
    public static string Wait(TimeSpan span)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
        if (seconds < 120)
        {
            return seconds == 1 ? "1 second" : $"{seconds} seconds";
        }
        return $"{(int)Math.Ceiling(seconds / 60.0)} minutes";
    }

    private static string Span(TimeSpan window) =>
        window.TotalSeconds < 120 ? $"{Seconds(window)} seconds" : $"{(window.TotalMinutes).ToString("0.#", CultureInfo.InvariantCulture)} minutes";

    private static string Seconds(TimeSpan window) => window.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
