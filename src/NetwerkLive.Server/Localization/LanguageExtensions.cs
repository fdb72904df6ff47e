using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;

namespace NetwerkLive.Server.Localization;

public static class LanguageExtensions
{
    /// <summary>The languages a person can read the server in; the first is the default.</summary>
    public static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("nl")];

    /// <summary>The query value that picks the language (<c>?lang=nl</c>), before the browser's Accept-Language.</summary>
    public const string QueryKey = "lang";

    /// <summary>
    /// Dutch or English for every text a person reads: per HTTP request from <c>?lang=</c>, then Accept-Language,
    /// else English; per hub call from the request that opened the connection (<see cref="HubLanguageFilter"/>).
    /// Only the UI culture follows the person: the server's own formatting (ids, keys, logs) stays invariant.
    /// </summary>
    public static IHostApplicationBuilder AddLanguages(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, Languages[0]);
            options.SupportedCultures = [CultureInfo.InvariantCulture];
            options.SupportedUICultures = Languages;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        // Before the other features' hub filters, so their refusals are already in the caller's language.
        builder.Services.Configure<HubOptions>(hub => hub.AddFilter<HubLanguageFilter>());
        return builder;
    }

    /// <summary>First in the pipeline, so error pages and rate-limit refusals are in the person's language too.</summary>
    public static WebApplication UseLanguages(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }
}

/// <summary>
/// Each hub call and the connect run in the language and the time zone (<see cref="PersonTime"/>) of the request that
/// opened the connection, found once at connect and kept with the connection, whatever transport later carries the
/// calls. Async, so both are set for this call only and not left behind on the connection's receive loop.
/// </summary>
public sealed class HubLanguageFilter : IHubFilter
{
    private const string LanguageKey = "netwerklive.language";
    private const string ZoneKey = "netwerklive.zone";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.Context.Items.TryGetValue(LanguageKey, out var language) && language is CultureInfo culture)
        {
            CultureInfo.CurrentUICulture = culture;
        }
        PersonTime.Current = invocationContext.Context.Items.TryGetValue(ZoneKey, out var zone) ? zone as TimeZoneInfo : null;
        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var http = context.Context.GetHttpContext();
        var culture = http?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        context.Context.Items[LanguageKey] = culture;
        context.Context.Items[ZoneKey] = PersonTime.Zone(http?.Request.Query[PersonTime.QueryKey]);
        CultureInfo.CurrentUICulture = culture;
        await next(context);
    }
}
