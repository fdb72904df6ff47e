using System.Diagnostics.CodeAnalysis;
using Microsoft.Playwright;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// One server and one headless Chromium for the whole browser suite: both are slow to start and
/// cheap to share, since every test makes its own event and its own browser contexts.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium. Playwright never downloads a browser here: there is no network for it.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private readonly BrowserServerFactory _server = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The server's address, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser fixture has not started.");

    public async Task InitializeAsync()
    {
        // Fail, never skip: a browser suite that quietly runs nothing looks green.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}, and it is not installed. Install Debian's chromium package " +
                "(sudo apt-get install -y chromium), or run ./build.sh test as root, which installs it.");
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        _server.UseKestrel(0);
        _server.StartServer();
        BaseAddress = _server.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        // Playwright launches with a fresh temporary --user-data-dir of its own and deletes it on close,
        // so no profile, cache or storage survives from one run to the next.
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        Assertions.SetDefaultExpectTimeout(Timeouts.Expect);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

public static class Timeouts
{
    /// <summary>
    /// How long an expectation waits. Generous because `dotnet test` runs the other test project on the
    /// same two cores at the same time; a passing expectation returns as soon as it holds.
    /// </summary>
    public const float Expect = 15_000;
}
