using System.ComponentModel.DataAnnotations;

namespace NetwerkLive.Server.Coffees;

/// <summary>The coffees two people plan after a mutual follow-up (section <c>Coffees</c>).</summary>
public sealed class CoffeeOptions
{
    public const string Section = "Coffees";

    /// <summary>How long an agreed coffee lasts: its room closes this long after the agreed start.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "04:00:00", ErrorMessage = "Coffees:Length must be between 5 minutes and 4 hours.")]
    public TimeSpan Length { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long before the agreed start the coffee room opens (and the reminder goes out).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "02:00:00", ErrorMessage = "Coffees:RoomOpensBefore must be between 0 and 2 hours.")]
    public TimeSpan RoomOpensBefore { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often a node looks in the shared store for reminders due: coffees agreed on this node are reminded on time by
    /// a timer of their own; this is how late a reminder can be when the node that agreed it died.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Coffees:ReminderSweep must be between 1 second and 10 minutes.")]
    public TimeSpan ReminderSweep { get; set; } = TimeSpan.FromSeconds(30);
}
