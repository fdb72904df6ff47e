using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NetwerkLive.Server.Observability;

public static class ObservabilityExtensions
{
    /// <summary>
    /// ProblemDetails for every error, a health endpoint, and OpenTelemetry traces and metrics (ASP.NET
    /// Core, SignalR, Kestrel), exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
    /// </summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // A body that is not the JSON an endpoint takes: say so, in words a person reads.
            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Status = bad.StatusCode;
                context.ProblemDetails.Title = Texts.Get("Http.UnreadableTitle");
                context.ProblemDetails.Detail = bad.InnerException is System.Text.Json.JsonException ? Texts.Get("Http.InvalidJson")
                    : MissesItsBody(context) ? Texts.Get("Http.MissingBody")
                    : Texts.Format("Http.Unreadable", bad.Message);
            }
            else if (context.Exception is StoreUnavailableException)
            {
                context.ProblemDetails.Title = Texts.Get("Storage.UnavailableTitle");
                context.ProblemDetails.Detail = Texts.Get("Storage.Unavailable");
            }
            else if (context.ProblemDetails.Detail is null && Texts.Find($"Status.{context.ProblemDetails.Status}.Title") is { } title)
            {
                // A bare status (no route, wrong method, a bug): the framework's English title, said in the person's language.
                context.ProblemDetails.Title = title;
                context.ProblemDetails.Detail = Texts.Find($"Status.{context.ProblemDetails.Status}.Detail");
            }
        });
        builder.Services.AddHealthChecks();
        // Let unreadable bodies reach the exception handler in every environment, so the 400 explains itself.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        var otel = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource("Microsoft.AspNetCore.SignalR.Server"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.SignalR"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>
    /// An endpoint that takes a body (it declares what it accepts) got a request with none: an empty body, or a
    /// request that cannot have one. Told from the request and the endpoint, not from the framework's English sentence.
    /// </summary>
    private static bool MissesItsBody(ProblemDetailsContext context)
    {
        // The exception handler passes the failed endpoint's metadata along.
        var http = context.HttpContext;
        return context.AdditionalMetadata?.GetMetadata<IAcceptsMetadata>() is not null
            && (http.Request.ContentLength == 0 || http.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false });
    }

    /// <summary>Health checks with this tag count for readiness only, never for liveness.</summary>
    public const string ReadyTag = "ready";

    public static WebApplication UseObservability(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                StoreUnavailableException => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
            // A client's unreadable body is their mistake, answered with a 400: not an error in our logs.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        app.Use(RefuseUnreadableCharsetAsync);
        // Liveness: the process answers. Readiness: it can also reach what it depends on (Redis, when configured).
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => !check.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/readyz");
        return app;
    }

    /// <summary>
    /// A body in a character set .NET does not know is the client's mistake: a 415 that says so. Left to the
    /// JSON reader it throws an InvalidOperationException, which would be a 500 with a stack trace in the log.
    /// </summary>
    private static async Task RefuseUnreadableCharsetAsync(HttpContext context, RequestDelegate next)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.Charset.HasValue && !IsKnownEncoding(type.Charset.Value!))
        {
            await Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: Texts.Get("Http.CharsetTitle"), detail: Texts.Get("Http.CharsetDetail"))
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool IsKnownEncoding(string charset)
    {
        try
        {
            // The same lookup the JSON reader makes (quotes are allowed around a charset).
            _ = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
