namespace NetwerkLive.Server.Storage;

/// <summary>
/// The shared store (Redis) did not answer in time or is known to be down. Hub calls turn it into a clear
/// error for the person, HTTP calls into a 503; nothing was changed unless the store says otherwise.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>For logs and stack traces; a person reads the text "Storage.Unavailable" in their language.</summary>
    public const string DefaultMessage = "The event's shared storage is not reachable right now, so this could not be done. Nothing was lost: try again in a few seconds.";

    public StoreUnavailableException(Exception? inner = null) : this(DefaultMessage, inner)
    {
    }
}
