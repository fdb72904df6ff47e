namespace NetwerkLive.Server.Events;

/// <summary>How links handed out to people are built.</summary>
public sealed class EventLinkOptions
{
    public const string Section = "Links";

    /// <summary>The public address of the service (behind a proxy, say). Empty: the address the request came in on.</summary>
    public Uri? PublicBaseUrl { get; set; }

    public string JoinUrl(HttpRequest request, string eventId)
    {
        var root = PublicBaseUrl?.ToString().TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{root}/e/{eventId}";
    }
}
