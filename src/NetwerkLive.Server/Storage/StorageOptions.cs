using System.ComponentModel.DataAnnotations;

namespace NetwerkLive.Server.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// How long an event's data (records, chat, presence, breakouts, follow-ups) is kept after its last change;
    /// a series' memory (who met, blocks) likewise after its last change. Redis keys carry it as their TTL.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00", ErrorMessage = "Storage:EventRetention must be between one minute and 3650 days.")]
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(30);
}
