namespace NetwerkLive.Server.Events;

/// <summary>How links handed out to people are built.</summary>
public sealed class EventLinkOptions
{
    public const string Section = "Links";

    /// <summary>The public address of the service (behind a proxy, say). Empty: the address the request came in on.</summary>
    public Uri? PublicBaseUrl { get; set; }

    public string JoinUrl(HttpRequest request, string eventId) => $"{Root(request)}/e/{eventId}";

    /// <summary>The host console with the token in the fragment, which browsers never send to a server or put in a Referer.</summary>
    public string HostUrl(HttpRequest request, string eventId, string hostToken) => $"{Root(request)}/e/{eventId}/host#token={hostToken}";

    private string Root(HttpRequest request) => PublicBaseUrl?.ToString().TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
}
