namespace NetwerkLive.Server.Auth;

internal static partial class AuthLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Auth:SigningKey is not set: using a random signing key. Tokens will not survive a restart and other nodes will not accept them. Set Auth:SigningKey (32+ characters) in production.")]
    public static partial void RandomSigningKey(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Refused a token: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "The host token of event {EventId} was replaced (version {TokenVersion})")]
    public static partial void HostTokenRotated(ILogger logger, string eventId, int tokenVersion);
}
