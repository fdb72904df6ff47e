using System.ComponentModel.DataAnnotations;

namespace NetwerkLive.Server.Schedule;

/// <summary>Settings of the event's schedule.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    /// <summary>How long the calendar entry of an event lasts (events have a start time, not an end).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00", ErrorMessage = "Schedule:CalendarEventLength must be between 5 minutes and 1 day (for example 01:00:00), because a calendar entry needs a sensible length.")]
    public TimeSpan CalendarEventLength { get; set; } = TimeSpan.FromHours(1);
}
