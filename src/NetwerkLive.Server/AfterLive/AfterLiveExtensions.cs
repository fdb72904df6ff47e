namespace NetwerkLive.Server.AfterLive;

public static class AfterLiveExtensions
{
    /// <summary>After the live part: ending it (the replay, the chat, the open period); the board comes with asks and offers.</summary>
    public static IHostApplicationBuilder AddAfterLive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AfterLiveOptions>()
            .BindConfiguration(AfterLiveOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AfterLiveService>();
        return builder;
    }
}
