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
    /// Starts a round of <paramref name="minutes"/> with groups of <paramref name="groupSize"/>. The
    /// console's default of 5 minutes outlasts any test, even on a machine so busy that one takes a minute.
    /// </summary>
    public async Task StartRoundAsync(int minutes = 5, int groupSize = 2)
    {
        await ByTestId("host-round-duration").FillAsync(minutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ByTestId("host-group-size").SelectOptionAsync(groupSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ByTestId("host-start-round").ClickAsync();
    }

    /// <summary>Removes an attendee: the remove button asks first, in the console's own dialog, and the host confirms.</summary>
    public async Task RemoveAttendeeAsync(string attendeeId)
    {
        await AttendeeEntry(attendeeId).GetByTestId("remove-attendee").ClickAsync();
        var dialog = ByTestId("host-confirm");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByTestId("host-confirm-ok").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }

    /// <summary>The live overview's groups (one host-group per live group, round or coffee).</summary>
    public ILocator Groups => ByTestId("host-breakouts").GetByTestId("host-group");

    /// <summary>The group in the overview that lists this attendee (as a member in any state).</summary>
    public ILocator GroupOf(string attendeeId) =>
        Groups.Filter(new() { Has = Page.Locator($"[data-testid=\"host-member\"][data-attendee-id=\"{attendeeId}\"]") });

    /// <summary>One member's entry in the overview's groups.</summary>
    public ILocator Member(string attendeeId) => ByTestId("host-breakouts").Locator($"[data-testid=\"host-member\"][data-attendee-id=\"{attendeeId}\"]");

    /// <summary>Someone in the overview's waiting list.</summary>
    public ILocator Waiting(string attendeeId) => ByTestId("host-waiting").Locator($"li[data-attendee-id=\"{attendeeId}\"]");

    public Task EndRoundAsync() => ByTestId("host-end-round").ClickAsync();
}
