namespace NetwerkLive.Server.Coffees;

public static class CoffeesExtensions
{
    /// <summary>The coffee of a mutual follow-up: planning it, its reminder, its private room and its calendar file.</summary>
    public static IHostApplicationBuilder AddCoffees(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CoffeeOptions>()
            .BindConfiguration(CoffeeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<CoffeeNotifier>();
        builder.Services.AddSingleton<CoffeeReminders>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CoffeeReminders>());
        builder.Services.AddSingleton<CoffeeService>();
        builder.Services.AddSingleton<CoffeeRoom>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCoffees(this IEndpointRouteBuilder app) => app.MapCoffeeCalendar();
}
