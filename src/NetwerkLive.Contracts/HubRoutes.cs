namespace NetwerkLive.Contracts;

public static class HubRoutes
{
    /// <summary>The event hub. Connect with <c>?access_token=TOKEN</c>.</summary>
    public const string Event = "/hubs/event";
}
