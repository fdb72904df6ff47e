using Microsoft.Playwright;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// Screenshots the tests take on the way. They go to screenshots/ next to the test binaries, or to the
/// folder in NETWERKLIVE_SCREENSHOT_DIR (for example docs/, to refresh the README's pictures); a test
/// run never writes into the source tree by itself.
/// </summary>
public static class Screenshots
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("NETWERKLIVE_SCREENSHOT_DIR") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Saves the page as screenshot-{name}.png.</summary>
    public static async Task SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory, $"screenshot-{name}.png"), FullPage = false });
    }
}
