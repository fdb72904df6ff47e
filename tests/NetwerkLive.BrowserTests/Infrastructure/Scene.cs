using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetwerkLive.Contracts;
using Xunit.Abstractions;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// One test's browsers: a fresh browser context per person (own cookies and sessionStorage, like a
/// separate device), all closed when the test ends. It records every dialog and uncaught page error,
/// and keeps the pages off the internet: the livestream iframe gets a local placeholder, anything
/// else outside the test server is refused at once instead of hanging on a network that is not there.
/// Every page error and console error is kept: <see cref="BrowserTest"/> fails any test that leaves one.
/// </summary>
/// <param name="server">A server of the test's own (with settings the shared one must not have); the fixture's by default.</param>
public sealed class Scene(BrowserFixture fixture, ITestOutputHelper output, Uri? server = null) : IAsyncDisposable
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    private const string LivestreamPlaceholder =
        "<!doctype html><body style=\"margin:0;height:100vh;display:grid;place-items:center;background:#1d2433;" +
        "color:#e8ecf3;font:600 22px system-ui,sans-serif\">&#9654; Livestream</body>";

    private readonly ConcurrentQueue<IBrowserContext> _contexts = new();

    public Uri BaseAddress => server ?? fixture.BaseAddress;

    /// <summary>Every alert/confirm/prompt any page opened: a chat or a name must never open one.</summary>
    public ConcurrentQueue<string> Dialogs { get; } = new();

    /// <summary>Uncaught exceptions in any page's scripts.</summary>
    public ConcurrentQueue<string> PageErrors { get; } = new();

    /// <summary>What any page logged to its console as an error (failed loads included).</summary>
    public ConcurrentQueue<string> ConsoleErrors { get; } = new();

    private readonly ConcurrentQueue<(string Who, Regex Text)> _expectedConsoleErrors = new();

    /// <summary>
    /// A console error this person's page is meant to show (a refused link: the browser itself logs the failed
    /// request), so it does not fail the test. Page errors (uncaught exceptions) are never expected.
    /// </summary>
    public void ExpectConsoleErrors(string who, Regex text) => _expectedConsoleErrors.Enqueue((who, text));

    /// <summary>Every page error and every console error nobody expected so far, one line each, saying whose page it was.</summary>
    public IReadOnlyList<string> Errors() =>
        [.. PageErrors.Select(e => "page error: " + e), .. ConsoleErrors.Where(e => !IsExpected(e)).Select(e => "console error: " + e)];

    private bool IsExpected(string consoleError) =>
        _expectedConsoleErrors.Any(x => consoleError.StartsWith(x.Who + ": ", StringComparison.Ordinal) && x.Text.IsMatch(consoleError));

    /// <summary>
    /// A new person: a browser context of their own with one page. language is the browser's own
    /// language (navigator.language and Accept-Language), e.g. "nl-NL"; English by default. timeZone: the
    /// browser's IANA time zone (the machine's by default). bypassCsp lets a test inject a script of its
    /// own (axe-core) past the pages' Content-Security-Policy. mediaPermissions: the camera and microphone
    /// permissions the person gave (e.g. only "microphone": Chromium itself then refuses the camera); null, as
    /// in most tests, answers every camera and microphone prompt with yes.
    /// </summary>
    public async Task<IPage> OpenBrowserAsync(string who, ViewportSize? viewport = null, bool phone = false, string language = "en-US",
        string? timeZone = null, bool bypassCsp = false, string[]? mediaPermissions = null)
    {
        var browser = mediaPermissions is null ? fixture.Browser : await fixture.BrowserWithRealPermissionsAsync();
        var context = await browser.NewContextAsync(new()
        {
            Permissions = mediaPermissions,
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? Desktop,
            IsMobile = phone,
            HasTouch = phone,
            Locale = language,
            TimezoneId = timeZone,
            BypassCSP = bypassCsp,
        });
        _contexts.Enqueue(context);
        context.SetDefaultTimeout(Timeouts.Action);
        // A regex, not a .NET predicate: Playwright matches it in the driver, so requests to the test
        // server are never routed through this process.
        var external = new Regex($"^(?!{Regex.Escape(BaseAddress.GetLeftPart(UriPartial.Authority))}/)");
        await context.RouteAsync(external, route =>
            route.Request.ResourceType == "document"
                ? route.FulfillAsync(new() { ContentType = "text/html", Body = LivestreamPlaceholder })
                : route.AbortAsync());

        var page = await context.NewPageAsync();
        Watch(page, who);
        return page;
    }

    /// <summary>
    /// Another tab in the browser of an open page: it shares that browser's localStorage (not its
    /// sessionStorage), as when someone opens the join link again; watched for errors like the first.
    /// </summary>
    public async Task<IPage> OpenTabAsync(IPage opened, string who)
    {
        var page = await opened.Context.NewPageAsync();
        Watch(page, who);
        return page;
    }

    private void Watch(IPage page, string who)
    {
        page.Dialog += (_, dialog) =>
        {
            Dialogs.Enqueue($"{who}: {dialog.Type} \"{dialog.Message}\"");
            _ = dialog.DismissAsync();
        };
        page.PageError += (_, error) =>
        {
            PageErrors.Enqueue($"{who}: {error}");
            Log($"[{who}] page error: {error}");
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error")
            {
                ConsoleErrors.Enqueue($"{who}: {message.Text} ({message.Location})");
            }
            if (message.Type is "error" or "warning")
            {
                Log($"[{who}] console {message.Type}: {message.Text}");
            }
        };
    }

    /// <summary>An embeddable livestream: the room shows it in an iframe (served the placeholder above).</summary>
    public const string EmbeddedLivestream = "https://www.youtube.com/embed/netwerklive-test";

    /// <summary>
    /// Creates an event through the HTTP API, for tests about what happens after the landing page. The
    /// livestream is a plain link unless a test asks for an embedded one: a cross-site iframe costs
    /// every page an extra renderer process, which the suite's time budget notices. A meeting link without a
    /// mode means "both": breakouts get the link and a real call. Tests of the breakout that are not about the call
    /// pass <see cref="MeetingModes.External"/>: a call encodes and decodes video in every page, which the suite's
    /// time budget notices too.
    /// </summary>
    public async Task<EventLinks> CreateEventAsync(string title = "Bedrijvenkring live",
        string? livestreamUrl = "https://example.org/live/bedrijvenkring",
        string? meetingUrlTemplate = "https://meet.jit.si/netwerk-{room}", string? meetingMode = null)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var response = await http.PostAsJsonAsync("/api/events", new CreateEventRequest(title, livestreamUrl, meetingUrlTemplate, MeetingMode: meetingMode));
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreateEventResponse>()
            ?? throw new InvalidOperationException("POST /api/events returned no body.");
        return new EventLinks(
            created.EventId,
            new Uri(BaseAddress, $"/e/{created.EventId}/host#token={created.HostToken}"),
            new Uri(created.JoinUrl));
    }

    private void Log(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has already finished; its output is closed.
        }
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(_contexts.Select(context => context.CloseAsync()));
}

public sealed record EventLinks(string EventId, Uri HostLink, Uri JoinLink);
