using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>The host console (/e/{eventId}/host#token=...).</summary>
public sealed class HostConsole
{
    private HostConsole(IPage page) => Page = page;

    public IPage Page { get; }

    /// <summary>Opens the host link in a browser of its own (see <see cref="Scene.OpenBrowserAsync"/> for the options) and waits until it is live.</summary>
    public static async Task<HostConsole> OpenAsync(Scene scene, EventLinks ev, ViewportSize? viewport = null, string language = "en-US",
        string? timeZone = null, bool bypassCsp = false)
    {
        var page = await scene.OpenBrowserAsync("host", viewport, phone: viewport is { Width: < 600 }, language, timeZone, bypassCsp);
        await page.GotoAsync(ev.HostLink.ToString());
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");
        return new HostConsole(page);
    }

    public ILocator ByTestId(string testId) => Page.GetByTestId(testId);

    public ILocator AttendeeCount => ByTestId("attendee-count");
    public ILocator AttendeeList => ByTestId("attendee-list");
    public ILocator ChatList => ByTestId("chat-list");

    public ILocator AttendeeEntry(string attendeeId) => AttendeeList.Locator($"li[data-attendee-id=\"{attendeeId}\"]");

    /// <summary>
    /// Starts a round of <paramref name="seconds"/> with groups of <paramref name="groupSize"/>. The
    /// console's default of 300 s outlasts any test, even on a machine so busy that one takes a minute.
    /// </summary>
    public async Task StartRoundAsync(int seconds = 300, int groupSize = 2)
    {
        await ByTestId("host-round-duration").FillAsync(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ByTestId("host-group-size").SelectOptionAsync(groupSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ByTestId("host-start-round").ClickAsync();
    }

    public Task EndRoundAsync() => ByTestId("host-end-round").ClickAsync();
}
