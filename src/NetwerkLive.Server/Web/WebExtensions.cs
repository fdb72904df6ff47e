using Microsoft.AspNetCore.StaticFiles;

namespace NetwerkLive.Server.Web;

/// <summary>
/// The browser client: the landing page, the room and the host console (static pages in wwwroot, their
/// scripts bundled from ClientApp by the build). Only its own routes are mapped, so /api and /hubs keep
/// their own 404s.
/// </summary>
public static class WebExtensions
{
    // Scripts and styles only from here; frames only from the livestream players the room embeds;
    // connections (fetch, WebSockets, server-sent events) only back to this server.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'";

    public static WebApplication MapWebClient(this WebApplication app)
    {
        app.Use(AddSecurityHeaders);

        var contentTypes = new FileExtensionContentTypeProvider();
        contentTypes.Mappings[".map"] = "application/json";
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = contentTypes,
            OnPrepareResponse = static context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Query.ContainsKey(PageRenderer.VersionParameter)
                    ? "public, max-age=31536000, immutable" // the URL changes with the content
                    : "no-cache", // revalidate (ETag) every time: never a stale page or bundle
        });

        var pages = new PageRenderer(app.Environment.WebRootFileProvider);
        app.MapGet("/", (HttpContext http) => pages.Serve(http, "index.html")).ExcludeFromDescription();
        app.MapGet("/e/{eventId}", (HttpContext http) => pages.Serve(http, "event.html")).ExcludeFromDescription();
        app.MapGet("/e/{eventId}/host", (HttpContext http) => pages.Serve(http, "host.html")).ExcludeFromDescription();
        return app;
    }

    private static Task AddSecurityHeaders(HttpContext http, Func<Task> next)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Other sites (the video call, a link in the chat) learn this origin, never an event's path.
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        if (!http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/hubs"))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicyFor(http.Request);
        }
        return next();
    }

    // 'self' covers ws: and wss: to this host in current browsers (CSP 3); older Safari needs them named.
    private static string ContentSecurityPolicyFor(HttpRequest request) =>
        request.Host.HasValue
            ? $"{ContentSecurityPolicy} ws://{request.Host} wss://{request.Host}"
            : ContentSecurityPolicy;
}
