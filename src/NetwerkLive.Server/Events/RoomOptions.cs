using System.ComponentModel.DataAnnotations;

namespace NetwerkLive.Server.Events;

/// <summary>The limits of a live room. Bound from the "Room" section and validated at start-up.</summary>
public sealed class RoomOptions
{
    public const string Section = "Room";

    [Range(1, 10_000, ErrorMessage = "Room:MaxChatLength must be between 1 and 10000 characters.")]
    public int MaxChatLength { get; set; } = 1000;

    [Range(1, 1000, ErrorMessage = "Room:ChatMessagesPerWindow must be between 1 and 1000.")]
    public int ChatMessagesPerWindow { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Room:ChatWindow must be between 1 second and 1 hour.")]
    public TimeSpan ChatWindow { get; set; } = TimeSpan.FromSeconds(5);

    [Range(500, 100_000, ErrorMessage = "Room:ChatRetention must keep between 500 and 100000 messages per event.")]
    public int ChatRetention { get; set; } = 500;

    [Range(0, 500, ErrorMessage = "Room:ChatOnJoin must be between 0 and 500 messages.")]
    public int ChatOnJoin { get; set; } = 50;

    [Range(1, 5000, ErrorMessage = "Room:AttendeesOnJoin must be between 1 and 5000.")]
    public int AttendeesOnJoin { get; set; } = 200;

    [Range(1, 1000, ErrorMessage = "Room:ChatSinceCap must be between 1 and 1000 messages.")]
    public int ChatSinceCap { get; set; } = 200;

    /// <summary>Presence changes of an event are sent at most once per interval.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "Room:PresenceInterval must be between 10 ms and 1 minute.")]
    public TimeSpan PresenceInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an attendee whose last connection closed stays present, so a reload does not flicker.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Room:PresenceGracePeriod must be between 0 and 10 minutes.")]
    public TimeSpan PresenceGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1024, 1024 * 1024, ErrorMessage = "Room:MaximumReceiveMessageSize must be between 1 KB and 1 MB.")]
    public int MaximumReceiveMessageSize { get; set; } = 32 * 1024;
}
