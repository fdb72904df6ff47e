using Microsoft.Playwright;
using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

[Collection(RoomSuite.Name)]
public sealed class PhoneLayoutTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const int PhoneWidth = 390;
    private static readonly ViewportSize Phone = new() { Width = PhoneWidth, Height = 844 };

    [Fact]
    public async Task TheJoinFormAndTheRoomAreUsableOnA390PixelWidePhone()
    {
        var ev = await Scene.CreateEventAsync();
        var page = await Scene.OpenBrowserAsync("phone", Phone, phone: true);

        await page.GotoAsync(ev.JoinLink.ToString());
        var join = page.GetByTestId("join");
        await Expect(join).ToBeVisibleAsync();
        await AssertWithinWidthAsync(page, join);
        await AssertNoHorizontalScrollAsync(page, "join page");

        await RoomPage.FillJoinFormAsync(page, Person.Ann);
        await join.ClickAsync();
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");

        var input = page.GetByTestId("chat-input");
        var send = page.GetByTestId("chat-send");
        await Expect(input).ToBeVisibleAsync();
        await Expect(send).ToBeVisibleAsync();
        await AssertWithinWidthAsync(page, input);
        await AssertWithinWidthAsync(page, send);
        await input.FillAsync("Hallo vanaf mijn telefoon");
        await send.ClickAsync();
        await Expect(page.GetByTestId("chat-list").Locator("li")).ToContainTextAsync(["Hallo vanaf mijn telefoon"]);
        await AssertNoHorizontalScrollAsync(page, "room");
    }

    [Fact]
    public async Task TheLandingPageHasNoHorizontalScrollOnA390PixelWidePhone()
    {
        var page = await Scene.OpenBrowserAsync("phone", Phone, phone: true);

        await page.GotoAsync("/");

        await Expect(page.GetByTestId("create-event")).ToBeVisibleAsync();
        await AssertWithinWidthAsync(page, page.GetByTestId("create-event"));
        await AssertNoHorizontalScrollAsync(page, "landing page");
    }

    private static async Task AssertNoHorizontalScrollAsync(IPage page, string where)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(scrollWidth <= PhoneWidth, $"The {where} scrolls sideways on a {PhoneWidth} px wide phone: scrollWidth is {scrollWidth}.");
    }

    /// <summary>Visible is not enough on a phone: the element must not stick out to the right of the screen.</summary>
    private static async Task AssertWithinWidthAsync(IPage page, ILocator element)
    {
        await element.ScrollIntoViewIfNeededAsync();
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"{element} has no box.");
        Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth,
            $"{element} spans x={box.X}..{box.X + box.Width}, outside the {PhoneWidth} px wide screen.");
    }
}
