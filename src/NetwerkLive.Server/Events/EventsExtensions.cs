using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Chat;
using NetwerkLive.Server.Moderation;
using NetwerkLive.Server.Presence;

namespace NetwerkLive.Server.Events;

public static class EventsExtensions
{
    /// <summary>The live rooms: HTTP API, hub, presence, chat and moderation.</summary>
    public static IHostApplicationBuilder AddEvents(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<RoomOptions>()
            .BindConfiguration(RoomOptions.Section)
            .ValidateDataAnnotations()
            // A count below 1 is reported by its range; dividing by it would throw instead of saying so.
            .Validate(o => o.ChatMessagesPerWindow < 1 || o.ChatWindow / o.ChatMessagesPerWindow >= TimeSpan.FromMilliseconds(10),
                "Room:ChatWindow divided by Room:ChatMessagesPerWindow must be at least 10 ms.")
            .ValidateOnStart();
        builder.Services.AddOptions<EventLinkOptions>().BindConfiguration(EventLinkOptions.Section);

        builder.Services.AddSingleton<RoomService>();
        builder.Services.AddSingleton<PresenceService>();
        builder.Services.AddSingleton<ChatService>();
        builder.Services.AddHostedService<ChatRelay>();
        builder.Services.AddSingleton<ModerationService>();
        builder.Services.AddSingleton<ConnectionRegistry>();
        builder.Services.AddSingleton<AttendeeMessenger>();

        builder.Services.AddSignalR(hub => hub.AddFilter<HubCallLogging>())
            .AddJsonProtocol()
            .AddMessagePackProtocol();
        builder.Logging.AddFilter(HubCallLogging.DispatcherCategory, LogLevel.Critical);
        builder.Services.AddOptions<HubOptions>()
            .Configure<IOptions<RoomOptions>>((hub, room) => hub.MaximumReceiveMessageSize = room.Value.MaximumReceiveMessageSize);
        return builder;
    }

    public static WebApplication MapEvents(this WebApplication app)
    {
        app.MapEventsApi();
        app.MapHub<EventHub>(HubRoutes.Event).RequireRateLimiting(Limits.RatePolicies.Hub);
        return app;
    }
}
