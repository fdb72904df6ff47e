using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Localization;

namespace NetwerkLive.Server.Limits;

/// <summary>The names of the HTTP rate limiting policies, for the endpoints that take them.</summary>
public static class RatePolicies
{
    public const string CreateEvent = "create-event";
    public const string Register = "register";
    public const string Read = "read";
    public const string Hub = "hub";
}

public static class LimitsExtensions
{
    /// <summary>
    /// Rate limits and caps: per client on the HTTP API, per attendee on every hub call, a cap on each
    /// token's connections. Budgets are in Redis when nodes share it (see <c>AddCluster</c>).
    /// </summary>
    public static IHostApplicationBuilder AddLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LimitOptions>()
            .BindConfiguration(LimitOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.FirstUnreadableProxy() is null,
                "Limits:KnownProxies takes IP addresses (\"10.0.0.5\") and Limits:KnownNetworks networks in CIDR form (\"10.0.0.0/8\"); one of them could not be read.")
            .Validate(o => o.HubCallsPerWindow >= HubCallCosts.ByMethod.Values.Max(),
                $"Limits:HubCallsPerWindow must be at least {HubCallCosts.ByMethod.Values.Max()}, the cost of the dearest hub call, or that call could never be made.")
            .ValidateOnStart();
        builder.Services.AddSingleton<LimitRules>();
        if (ClusterExtensions.IsRedisConfigured(builder.Configuration))
        {
            builder.Services.AddSingleton<IRateBudgets, RedisRateBudgets>();
            builder.Services.AddSingleton<RedisConnectionSlots>();
            builder.Services.AddSingleton<IConnectionSlots>(sp => sp.GetRequiredService<RedisConnectionSlots>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisConnectionSlots>());
        }
        else
        {
            builder.Services.AddSingleton<IRateBudgets, InMemoryRateBudgets>();
            builder.Services.AddSingleton<IConnectionSlots, InMemoryConnectionSlots>();
        }

        // After the logging filter (added with the hub), so refusals are logged as refusals.
        builder.Services.Configure<HubOptions>(hub => hub.AddFilter<HubBudgetFilter>());

        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<LimitRules, IRateBudgets>((options, rules, budgets) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RatePolicies.CreateEvent, http => Partition(budgets, rules, rules.ForCreateEvent(ClientAddress.Of(http))));
            options.AddPolicy(RatePolicies.Register, http => Partition(budgets, rules,
                rules.ForRegister(ClientAddress.Of(http), http.Request.RouteValues["eventId"] as string ?? "")));
            options.AddPolicy(RatePolicies.Read, http => Partition(budgets, rules, rules.ForRead(ClientAddress.Of(http))));
            options.AddPolicy(RatePolicies.Hub, http => Partition(budgets, rules, rules.ForHubRequest(ClientAddress.Of(http))));
            options.OnRejected = WriteTooManyRequestsAsync;
        });

        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<LimitOptions>>((forwarded, limits) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core believes loopback by default; here only the proxies configured are believed.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in limits.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in limits.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>Reads the client address from a known proxy's X-Forwarded-For, then applies the HTTP rate limits.</summary>
    public static WebApplication UseLimits(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<LimitOptions>>().Value;
        // With no proxy configured the middleware would believe X-Forwarded-For from anyone: leave it out.
        if (limits.KnownProxies.Length > 0 || limits.KnownNetworks.Length > 0)
        {
            app.UseForwardedHeaders();
        }
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> Partition(IRateBudgets budgets, LimitRules rules, BudgetTake[] takes) =>
        RateLimitPartition.Get(string.Join('|', takes.Select(t => t.Rule.Name + ":" + t.Key)), _ => new BudgetRateLimiter(budgets, rules, takes));

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        context.Lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Texts.Get("Limits.TooManyRequestsTitle"),
            detail: reason ?? Texts.Get("Limits.TooManyRequests")).ExecuteAsync(http);
    }
}
