using System.Diagnostics.CodeAnalysis;
using Microsoft.Playwright;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// The server and the headless Chromium the browser tests drive. Both are slow to start and cheap to
/// share, since every test makes its own event and its own browser contexts, so one of each serves
/// every collection: the suite is split into two collections only so that xunit runs them side by
/// side, which keeps both cores busy while tests wait for pushes and the clock.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Shared? _shared;
    private static int _users;

    private Shared? _started;

    /// <summary>The server's address, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress => Started.BaseAddress;

    public IBrowser Browser => Started.Browser;

    /// <summary>
    /// A second Chromium, the full browser (the headless shell has no permission prompt), with the same fake camera
    /// and microphone but without the answered permission prompt: a context opened in it gets exactly the media
    /// permissions it asks for, and Chromium denies the rest itself (the shared browser's fake consent says yes to
    /// everything). Started on first use.
    /// </summary>
    public Task<IBrowser> BrowserWithRealPermissionsAsync() => Started.BrowserWithRealPermissionsAsync();

    private Shared Started => _started ?? throw new InvalidOperationException("The browser fixture has not started.");

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _shared ??= await Shared.StartAsync();
            _started = _shared;
            _users++;
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users == 0 && _shared is not null)
            {
                await _shared.DisposeAsync();
                _shared = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    [SuppressMessage("Design", "CA1001", Justification = "Disposed through DisposeAsync by the last fixture that uses it.")]
    private sealed class Shared : IAsyncDisposable
    {
        /// <summary>
        /// Debian's Chromium in its headless shell (package chromium-headless-shell): the same engine as the
        /// chromium package, without the desktop browser around it, as Playwright itself runs headless Chromium.
        /// Measured on two cores: five pages opened in 4.3 s with about 5 CPU-seconds, against 8 s and about
        /// 18 CPU-seconds in the full browser's headless mode. Playwright never downloads a browser here.
        /// </summary>
        private const string ChromiumPath = "/usr/bin/chromium-headless-shell";

        /// <summary>
        /// Debian's full Chromium (package chromium), for the browser with real permissions only: the headless shell
        /// has no permission prompt to answer, so without the fake yes it refuses every camera and microphone
        /// ("NotSupportedError"), also one the context was granted; the full browser grants what was granted and
        /// refuses the rest with "NotAllowedError", as a person's browser does.
        /// </summary>
        private const string FullChromiumPath = "/usr/bin/chromium";

        private static readonly string[] ChromiumArgs =
        [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            // Breakout calls: a synthetic camera (a moving test pattern) and microphone (a beep), and the
            // permission prompt answered yes, so WebRTC runs headless on loopback (a secure context). The camera
            // makes 10 frames a second instead of its default 20: every page in a call encodes and decodes each
            // frame on two shared cores, and no test needs more than "frames keep coming" (CallStats asks for >5/s).
            "--use-fake-device-for-media-stream=fps=10",
            "--use-fake-ui-for-media-stream",
        ];

        private readonly BrowserServerFactory _server = new();
        private readonly SemaphoreSlim _secondGate = new(1, 1);
        private IPlaywright? _playwright;
        private IBrowser? _withRealPermissions;

        public Uri BaseAddress { get; private set; } = null!;

        public IBrowser Browser { get; private set; } = null!;

        public static async Task<Shared> StartAsync()
        {
            // Fail, never skip: a browser suite that quietly runs nothing looks green.
            foreach (var (path, package) in new[] { (ChromiumPath, "chromium-headless-shell"), (FullChromiumPath, "chromium") })
            {
                if (!File.Exists(path))
                {
                    throw new InvalidOperationException(
                        $"The browser tests need {path}, and it is not installed. Install Debian's {package} package " +
                        $"(sudo apt-get install -y {package}), or run ./build.sh test as root, which installs it.");
                }
            }
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            Assertions.SetDefaultExpectTimeout(Timeouts.Expect);

            var shared = new Shared();
            try
            {
                shared.BaseAddress = shared._server.StartOnLoopback();

                shared._playwright = await Playwright.CreateAsync();
                // Playwright launches with a fresh temporary --user-data-dir of its own and deletes it on
                // close, so no profile, cache or storage survives from one run to the next.
                shared.Browser = await shared._playwright.Chromium.LaunchAsync(new()
                {
                    ExecutablePath = ChromiumPath,
                    Headless = true,
                    Args = ChromiumArgs,
                });
                return shared;
            }
            catch
            {
                await shared.DisposeAsync();
                throw;
            }
        }

        public async Task<IBrowser> BrowserWithRealPermissionsAsync()
        {
            await _secondGate.WaitAsync();
            try
            {
                return _withRealPermissions ??= await _playwright!.Chromium.LaunchAsync(new()
                {
                    ExecutablePath = FullChromiumPath,
                    Headless = true,
                    Args = [.. ChromiumArgs.Where(arg => arg != "--use-fake-ui-for-media-stream")],
                });
            }
            finally
            {
                _secondGate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_withRealPermissions is not null)
            {
                await _withRealPermissions.CloseAsync();
            }
            _secondGate.Dispose();
            if (Browser is not null)
            {
                await Browser.CloseAsync();
            }
            _playwright?.Dispose();
            await _server.DisposeAsync();
        }
    }
}

/// <summary>
/// Tests of the landing page and the room (joining, presence, chat, safety and layout), the host console, and breakout
/// tests that run no call in the page (the host's overview, keyboard, contacts, Dutch text): the two collections run
/// side by side, so each holds about half of the suite's time (the breakout collection is the run's long pole).
/// </summary>
[CollectionDefinition(Name)]
public sealed class RoomSuite : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser: room";
}

/// <summary>Tests of breakout rounds with their calls, which take longest: they run beside the room tests.</summary>
[CollectionDefinition(Name)]
public sealed class BreakoutSuite : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser: breakouts";
}

public static class Timeouts
{
    /// <summary>
    /// How long an expectation waits. Generous because the suite's two collections share two cores with
    /// their Chromium pages; a passing expectation returns as soon as it holds.
    /// </summary>
    public const float Expect = 15_000;

    /// <summary>
    /// How long a navigation or an action (a click waiting for its button, a fill) may take. Longer than an
    /// expectation: it claims nothing about the page, and on an overloaded CI machine a page load once took
    /// over 15 s (2026-12-02), which failed a test about something else.
    /// </summary>
    public const float Action = 2 * Expect;
}
