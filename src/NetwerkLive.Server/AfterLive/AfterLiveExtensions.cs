namespace NetwerkLive.Server.AfterLive;

public static class AfterLiveExtensions
{
    /// <summary>After the live part: ending it (the replay, the chat, the open period); the board comes with asks and offers.</summary>
    public static IHostApplicationBuilder AddAfterLive(this IHostApplicationBuilder builder)
    {
        // AfterLiveOptions (OpenFor beside the board's size) are bound and validated once, by AddAsksAndOffers.
        builder.Services.AddSingleton<AfterLiveService>();
        return builder;
    }
}
