using System.Text.RegularExpressions;
using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>The host console's "Replace host link": the new link is shown, the console carries on with it, the old link is dead.</summary>
[Collection(RoomSuite.Name)]
public sealed class HostLinkTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task ReplacingTheHostLinkShowsTheNewLinkKeepsTheConsoleWorkingAndKillsTheOldLink()
    {
        var ev = await Scene.CreateEventAsync();
        var host = await HostConsole.OpenAsync(Scene, ev);

        await host.ByTestId("host-rotate-link").ClickAsync();
        // The button is busy until the console is live again on the new token.
        await Expect(host.ByTestId("host-rotate-link")).Not.ToHaveAttributeAsync("aria-busy", "true", new() { Timeout = 30_000 });

        var link = host.ByTestId("host-new-link");
        await Expect(link).ToBeVisibleAsync();
        var newLink = await link.GetAttributeAsync("href");
        Assert.StartsWith(new Uri(Scene.BaseAddress, $"/e/{ev.EventId}/host#token=").ToString(), newLink, StringComparison.Ordinal);
        await Expect(link).ToHaveTextAsync(newLink!);
        // The server cut off the console's connection (made with the old token) before answering: this
        // announcement only goes out once the console has reconnected with the new one.
        await host.ByTestId("announce-input").FillAsync("Nieuwe hostlink, zelfde host");
        await host.ByTestId("announce-send").ClickAsync();
        await Expect(host.ByTestId("announcement")).ToHaveTextAsync("Nieuwe hostlink, zelfde host");

        // The old link's refused sign-in is logged by the browser (the 401) and by the SignalR client; nothing else may be.
        Scene.ExpectConsoleErrors("old host link", new Regex("status of 401|negotiation with the server.*replaced by a newer one"));
        var old = await Scene.OpenBrowserAsync("old host link");
        await old.GotoAsync(ev.HostLink.ToString());
        await Expect(old.GetByTestId("page-notice")).ToContainTextAsync("This host link was replaced by a newer one");
        var fresh = await HostConsole.OpenAsync(Scene, ev with { HostLink = new Uri(newLink!) });
        await Expect(fresh.AttendeeCount).ToHaveTextAsync("1");
    }
}
