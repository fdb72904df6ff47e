using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetwerkLive.BrowserTests.Infrastructure;
using NetwerkLive.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>The host console's links that stay (the join link, its QR code, the landing page's list) and the console on a phone.</summary>
[Collection(RoomSuite.Name)]
public sealed class HostConsoleTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task TheConsoleShowsTheJoinLinkToCopyAndAsAQrCodeAndTheLandingPageListsTheEventAfterAReload()
    {
        // bypassCsp: the test reads the QR code back with jsQR, a decoder of its own (not the library that drew it).
        var page = await Scene.OpenBrowserAsync("host", bypassCsp: true);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("created-events")).ToBeHiddenAsync();
        await page.GetByTestId("event-title").FillAsync("Ondernemerscafé Noord");
        await page.GetByTestId("create-event").ClickAsync();
        await Expect(page.GetByTestId("created-section")).ToBeVisibleAsync();
        var joinUrl = (await page.GetByTestId("join-link").GetAttributeAsync("href"))!;
        var hostUrl = (await page.GetByTestId("host-link").GetAttributeAsync("href"))!;

        // After a reload the links are still there, from this browser's memory.
        await page.ReloadAsync();
        var remembered = page.GetByTestId("created-event");
        await Expect(remembered).ToHaveCountAsync(1);
        await Expect(remembered).ToContainTextAsync("Ondernemerscafé Noord");
        await Expect(remembered.GetByTestId("created-event-host")).ToHaveAttributeAsync("href", hostUrl);
        await Expect(remembered.GetByTestId("created-event-join")).ToHaveAttributeAsync("href", joinUrl);

        await remembered.GetByTestId("created-event-host").ClickAsync();
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");
        var link = page.GetByTestId("host-join-link");
        await Expect(link).ToHaveAttributeAsync("href", joinUrl);
        await Expect(link).ToHaveTextAsync(joinUrl);

        // The QR code is an image with a text alternative, and it encodes the join link.
        var qr = page.GetByTestId("host-join-qr");
        await Expect(qr).ToHaveAttributeAsync("role", "img");
        await Expect(qr).ToHaveAttributeAsync("aria-label", $"QR code of the link to join: {joinUrl}");
        await page.AddScriptTagAsync(new() { Path = Path.Combine(ClientApp.Directory, "node_modules", "jsqr", "dist", "jsQR.js") });
        var decoded = await page.EvaluateAsync<string?>("""
            () => {
              const canvas = document.querySelector('[data-testid="host-join-qr"]');
              const image = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
              return jsQR(image.data, image.width, image.height)?.data ?? null;
            }
            """);
        Assert.Equal(joinUrl, decoded);

        // Copy: the link is on the clipboard, and the page says so.
        await page.GetByTestId("host-copy-join-link").ClickAsync();
        await Expect(page.GetByTestId("host-copy-status")).ToHaveTextAsync("Copied: the link is on your clipboard.");
        Assert.Equal(joinUrl, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // The list forgets an event when asked, for good.
        await page.GotoAsync("/");
        await page.GetByTestId("created-event").GetByTestId("forget-created-event").ClickAsync();
        await Expect(page.GetByTestId("created-events")).ToBeHiddenAsync();
        await page.ReloadAsync();
        await Expect(page.GetByTestId("create-event")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("created-event")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheConsoleOnA390PixelPhoneInDutchShowsTheOverviewKeepsTheMessageInputsWideAsksBeforeEndingAGroupAndHasNoSeriousViolations()
    {
        var ev = await Scene.CreateEventAsync(meetingMode: MeetingModes.External);
        var host = await HostConsole.OpenAsync(Scene, ev, PhoneScreen.Size, "nl-NL", bypassCsp: true);
        await using var people = await HubPeople.JoinAsync(Scene, ev, Person.Ann, Person.Bram);
        await Expect(host.ByTestId("host-available")).ToHaveTextAsync("2");

        await host.StartRoundAsync();

        await Expect(host.Groups).ToHaveCountAsync(1);
        await Expect(host.ByTestId("host-round-info")).ToHaveTextAsync(new Regex(@"^Ronde 1 loopt tot \d{2}:\d{2} \(1 groep\)\.$"));
        await Expect(host.Member(people[0].AttendeeId).GetByTestId("host-member-state")).ToHaveTextAsync("in de groep");
        var timeLeft = host.Groups.GetByTestId("host-group-time");
        await Expect(timeLeft).ToHaveTextAsync(new Regex(@"^0[45]:\d{2}$"));
        await Expect(timeLeft).Not.ToHaveTextAsync((await timeLeft.TextContentAsync())!); // it ticks
        await Expect(host.ByTestId("host-in-breakouts")).ToHaveTextAsync("2");

        // The host's message inputs get the phone's width, not a few characters beside a long button.
        foreach (var input in new[] { "announce-input", "host-broadcast-input" })
        {
            await PhoneScreen.AssertWithinWidthAsync(host.ByTestId(input), minWidth: 280);
        }
        await PhoneScreen.AssertNoHorizontalScrollAsync(host.Page, "console");

        // Ending a group asks first, in a dialog that takes the focus (on the safe choice) and gives it back.
        var end = host.Groups.GetByTestId("host-end-group");
        await end.ClickAsync();
        var dialog = host.ByTestId("host-confirm");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("host-confirm-text")).ToContainTextAsync("De ont-moeting van");
        await Expect(dialog.GetByTestId("host-confirm-cancel")).ToBeFocusedAsync();
        await Expect(dialog.GetByTestId("host-confirm-cancel")).ToHaveTextAsync("Annuleren");
        await Expect(dialog.Locator("h2")).ToHaveTextAsync("Weet je het zeker?");
        // One scan for both (each costs seconds): the console with the overview, and the dialog over it.
        await Axe.AssertNoSeriousViolationsAsync(host.Page, "the host console with the overview, asking to confirm, in Dutch");
        // A push redraws the overview behind the dialog (someone asks for more time): the votes show, and Escape
        // still brings the focus back to that group's button, now a new element.
        var button = await end.ElementHandleAsync();
        await people[0].Connection.ProposeExtension();
        await Expect(host.Groups.GetByTestId("host-extension-votes")).ToHaveTextAsync($"Wil meer tijd: {Person.Ann.Name}");
        Assert.False(await button.EvaluateAsync<bool>("b => b.isConnected"));
        await host.Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(end).ToBeFocusedAsync();
        await Expect(host.Groups).ToHaveCountAsync(1);
    }
}
