using NetwerkLive.Server.Presence;

namespace NetwerkLive.Server.Breakouts;

public static class BreakoutsExtensions
{
    /// <summary>Host rounds, the coffee queue, breakout chat, follow-ups and the host's live overview.</summary>
    public static IHostApplicationBuilder AddBreakouts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BreakoutOptions>()
            .BindConfiguration(BreakoutOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<People>();
        builder.Services.AddSingleton<BreakoutNotifier>();
        builder.Services.AddSingleton<BreakoutService>();
        builder.Services.AddSingleton<BreakoutChatService>();
        builder.Services.AddSingleton<PartnerConnections>();
        builder.Services.AddSingleton<BreakoutRecall>();
        builder.Services.AddSingleton<BreakoutPresence>();
        builder.Services.AddSingleton<IPresenceListener>(sp => sp.GetRequiredService<BreakoutPresence>());
        builder.Services.AddSingleton<HostOverview>();
        builder.Services.AddSingleton<HostOverviewPublisher>();
        builder.Services.AddSingleton<IPresenceChangeListener>(sp => sp.GetRequiredService<HostOverviewPublisher>());
        return builder;
    }
}
