using NetwerkLive.Contracts;
using NetwerkLive.Server.Localization;

namespace NetwerkLive.Server.Video;

/// <summary>
/// How an event's breakouts meet (<see cref="MeetingModes"/>): a call in the page, the external meeting link, or
/// both. The host chooses at creation; the rules for that choice and what follows from it live here.
/// </summary>
public static class MeetingModeRules
{
    /// <summary>
    /// The host's choice; without one, "both" when a meeting link is given (an API client written before in-page
    /// calls keeps its link and gains the call), else the default: in the page.
    /// </summary>
    public static string Resolve(string? requested, string? meetingUrlTemplate) =>
        requested ?? (meetingUrlTemplate is null ? MeetingModes.InPage : MeetingModes.Both);

    /// <summary>A refusal for a mode that is not one of the three, or null.</summary>
    public static string? CheckMode(string? requested) =>
        requested is null || MeetingModes.All.Contains(requested, StringComparer.Ordinal) ? null : Texts.Get("Event.MeetingModeUnknown");

    /// <summary>A refusal when the mode needs the external link and none was given, or null.</summary>
    public static string? CheckLink(string mode, string? meetingUrlTemplate) =>
        UsesLink(mode) && meetingUrlTemplate is null ? Texts.Get("Event.MeetingModeNeedsLink") : null;

    /// <summary>Whether breakouts get the external meeting link (BreakoutAssignment.meetingUrl).</summary>
    public static bool UsesLink(string mode) => mode != MeetingModes.InPage;
}
