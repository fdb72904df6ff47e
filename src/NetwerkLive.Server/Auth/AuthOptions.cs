using System.ComponentModel.DataAnnotations;

namespace NetwerkLive.Server.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The symmetric key that signs tokens. Every node of a cluster needs the same one. When empty, a
    /// random key is made at start-up (tokens then die with the process).
    /// </summary>
    public string? SigningKey { get; set; }

    public const int MinSigningKeyLength = 32;

    public const string SigningKeyRequiredWithRedis = "Auth:SigningKey must be set when Redis:ConnectionString is: every node must sign and check tokens with the same key (at least 32 characters). Set it in configuration or the Auth__SigningKey environment variable.";

    public const string SigningKeyTooShort = "Auth:SigningKey must be at least 32 characters long (256 bits), or left empty for a random per-process key.";

    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "Auth:TokenLifetime must be between one minute and 365 days.")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a person token (who someone is across the events of a series) lets them be recognised:
    /// long enough to span a series of monthly events.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Auth:PersonTokenLifetime must be between one day and 3650 days (ten years).")]
    public TimeSpan PersonTokenLifetime { get; set; } = TimeSpan.FromDays(365);

    public string Issuer { get; set; } = "netwerklive";
}
