using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>The host console (/e/{eventId}/host#token=...).</summary>
public sealed class HostConsole
{
    private HostConsole(IPage page) => Page = page;

    public IPage Page { get; }

    public static async Task<HostConsole> OpenAsync(Scene scene, EventLinks ev)
    {
        var page = await scene.OpenBrowserAsync("host");
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
