using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// Someone without a mouse: the focus goes where the page went (the room after joining, the links after
/// creating, the refused field), the focus ring can be seen, and a keyboard alone does everything.
/// </summary>
[Collection(RoomSuite.Name)]
public sealed class KeyboardAndFocusTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AfterJoiningTheFocusIsOnTheRoomNotOnThePage()
    {
        var ev = await Scene.CreateEventAsync();

        var ann = await RoomPage.JoinAsync(Scene, ev, Person.Ann);

        await Expect(ann.ByTestId("main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task AfterCreatingAnEventTheFocusIsOnTheNewLinks()
    {
        var page = await Scene.OpenBrowserAsync("host");
        await page.GotoAsync("/");
        await page.GetByTestId("event-title").FillAsync("Bedrijvenkring live");

        await page.GetByTestId("create-event").ClickAsync();

        await Expect(page.GetByTestId("created-title")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task ARefusedFieldIsMarkedInvalidTakesTheFocusAndIsDescribedByTheRefusal()
    {
        var ev = await Scene.CreateEventAsync();
        var page = await Scene.OpenBrowserAsync("Ann");
        Scene.ExpectConsoleErrors("Ann", new Regex("status of 400"));
        await page.GotoAsync(ev.JoinLink.ToString());
        await page.GetByTestId("contact").FillAsync("ann@example.org");

        await page.GetByTestId("join").ClickAsync(); // without a name

        var name = page.GetByTestId("display-name");
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(name).ToBeFocusedAsync();
        await Expect(name).ToHaveAttributeAsync("aria-describedby", "form-error");
        await Expect(page.GetByTestId("form-error")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("contact")).Not.ToHaveAttributeAsync("aria-invalid", "true");

        // Put right, the mark goes.
        await name.FillAsync("Ann");
        await page.GetByTestId("join").ClickAsync();
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");
        await Expect(name).Not.ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task TheFocusRingStandsOutAtLeastThreeToOneFromWhatIsAroundIt()
    {
        var page = await Scene.OpenBrowserAsync("host");
        await page.GotoAsync("/");
        await page.GetByTestId("event-title").FocusAsync();

        await page.Keyboard.PressAsync("Tab"); // keyboard focus, so :focus-visible applies

        var colours = await page.EvaluateAsync<string[]>(
            """
            () => {
              const focused = document.activeElement;
              let around = focused.parentElement;
              while (around && getComputedStyle(around).backgroundColor === "rgba(0, 0, 0, 0)") around = around.parentElement;
              const style = getComputedStyle(focused);
              return [style.outlineStyle, style.outlineColor, getComputedStyle(around ?? document.body).backgroundColor];
            }
            """);
        Assert.Equal("solid", colours[0]);
        var ratio = ContrastRatio(colours[1], colours[2]);
        Assert.True(ratio >= 3, $"The focus ring {colours[1]} on {colours[2]} has a contrast of {ratio:0.00}:1, below 3:1.");
    }

    [Fact]
    public async Task AKeyboardAloneJoinsChatsAnswersInABreakoutAndAsksForAFollowUp()
    {
        var ev = await Scene.CreateEventAsync();
        var host = await HostConsole.OpenAsync(Scene, ev);
        var bram = await RoomPage.JoinAsync(Scene, ev, Person.Bram);
        var page = await Scene.OpenBrowserAsync(Person.Ann.Name);
        var keys = page.Keyboard;
        await page.GotoAsync(ev.JoinLink.ToString());

        // Join: the form has the focus on the name; Tab through it and Enter sends it.
        await Expect(page.GetByTestId("display-name")).ToBeFocusedAsync();
        await keys.TypeAsync(Person.Ann.Name);
        await TabToAsync(page, "contact");
        await keys.TypeAsync(Person.Ann.Contact!);
        await keys.PressAsync("Enter");
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");

        // Chat.
        await TabToAsync(page, "chat-input");
        await keys.TypeAsync("Hallo, ik ben Ann");
        await keys.PressAsync("Enter");
        await Expect(bram.ChatMessage("Hallo, ik ben Ann")).ToHaveCountAsync(1);

        // Answer in a breakout.
        await host.StartRoundAsync();
        await Expect(page.GetByTestId("breakout-partner")).ToHaveCountAsync(1);
        await bram.SendBreakoutChatAsync("Hoi Ann, zullen we bellen?");
        await TabToAsync(page, "breakout-chat-input");
        await keys.TypeAsync("Graag, ik open de link");
        await keys.PressAsync("Enter");
        await Expect(bram.BreakoutChatMessage("Graag, ik open de link")).ToHaveCountAsync(1);

        // Ask for a follow-up.
        await TabToAsync(page, "follow-up");
        await keys.PressAsync("Enter");
        await Expect(page.GetByTestId("breakout-partner").GetByTestId("follow-up")).ToBeDisabledAsync();
    }

    /// <summary>Presses Tab (only the keyboard) until the element with this data-testid has the focus.</summary>
    private static async Task TabToAsync(IPage page, string testId)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await page.EvaluateAsync<string?>("() => document.activeElement?.dataset.testid ?? null") == testId)
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Sixty presses of Tab never reached {testId}.");
    }

    private static double ContrastRatio(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>The relative luminance (WCAG) of a computed colour, "rgb(r, g, b)".</summary>
    private static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Take(3)
            .Select(p => double.Parse(p.Trim(), CultureInfo.InvariantCulture) / 255)
            .Select(c => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4))
            .ToArray();
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2];
    }
}
