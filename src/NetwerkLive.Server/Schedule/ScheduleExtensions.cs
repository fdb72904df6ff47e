namespace NetwerkLive.Server.Schedule;

public static class ScheduleExtensions
{
    /// <summary>The event before it starts: going live and the calendar file (the fields themselves come with the event).</summary>
    public static IHostApplicationBuilder AddSchedule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScheduleOptions>()
            .BindConfiguration(ScheduleOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<GoLiveService>();
        return builder;
    }

    public static WebApplication MapSchedule(this WebApplication app)
    {
        app.MapCalendarApi();
        return app;
    }
}
