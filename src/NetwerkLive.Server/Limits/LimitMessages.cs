using NetwerkLive.Server.Localization;

namespace NetwerkLive.Server.Limits;

/// <summary>
/// Every refusal of a limit or cap, as a sentence a person understands in their language (the texts are in
/// Localization/Texts*.resx; this puts the numbers in them). Each says what the limit is and when trying
/// again will work.
/// </summary>
public static class LimitMessages
{
    public static string ChatTooFast(int messages, TimeSpan window) =>
        Texts.Format("Limits.ChatTooFast", Texts.Count("Unit.Messages", messages), Seconds(window));

    public static string ChatTooFastFromNetwork(int messages, TimeSpan window) =>
        Texts.Format("Limits.ChatTooFastFromNetwork", messages, Seconds(window));

    public static string HubCallsTooFast(TimeSpan retryAfter) =>
        Texts.Format("Limits.HubCallsTooFast", Wait(retryAfter));

    public static string CallSignalsTooFast(TimeSpan retryAfter) =>
        Texts.Format("Limits.CallSignalsTooFast", Wait(retryAfter));

    public static string AvailabilityTooOften(int changes, TimeSpan window, TimeSpan retryAfter) =>
        Texts.Format("Limits.AvailabilityTooOften", Texts.Count("Unit.Times", changes), Span(window), Wait(retryAfter));

    public static string TooManyConnections(int connections) =>
        Texts.Format("Limits.TooManyConnections", Texts.Count("Unit.TabsOrDevices", connections));

    public static string TooManyEvents(int events, TimeSpan retryAfter) =>
        Texts.Format("Limits.TooManyEvents", events, Wait(retryAfter));

    public static string TooManyRegistrationsForEvent(int registrations, TimeSpan retryAfter) =>
        Texts.Format("Limits.TooManyRegistrationsForEvent", registrations, Wait(retryAfter));

    public static string TooManyRegistrations(int registrations, TimeSpan retryAfter) =>
        Texts.Format("Limits.TooManyRegistrations", registrations, Wait(retryAfter));

    public static string TooManyReads(int reads, TimeSpan retryAfter) =>
        Texts.Format("Limits.TooManyReads", reads, Wait(retryAfter));

    public static string TooManyHubRequests(int requests, TimeSpan retryAfter) =>
        Texts.Format("Limits.TooManyHubRequests", Texts.Count("Unit.Attempts", requests), Wait(retryAfter));

    public static string EventFull(int people) =>
        Texts.Format("Limits.EventFull", Texts.Count("Unit.People", people));

    /// <summary>"1 second", "40 seconds", "3 minutes": rounded up, so waiting that long always works.</summary>
    public static string Wait(TimeSpan span)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
        return seconds < 120 ? Texts.Count("Unit.Seconds", seconds) : Texts.Count("Unit.Minutes", (int)Math.Ceiling(seconds / 60.0));
    }

    /// <summary>A window: in seconds up to two minutes, then in minutes (to one decimal).</summary>
    private static string Span(TimeSpan window) =>
        window.TotalSeconds < 120 ? Seconds(window) : Texts.Count("Unit.Minutes", Math.Round(window.TotalMinutes, 1));

    private static string Seconds(TimeSpan window) => Texts.Count("Unit.Seconds", Math.Round(window.TotalSeconds, 1));
}
