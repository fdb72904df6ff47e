using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

[Collection(RoomSuite.Name)]
public sealed class PhoneLayoutTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task TheJoinFormAndTheRoomAreUsableOnA390PixelWidePhone()
    {
        var ev = await Scene.CreateEventAsync();
        var page = await Scene.OpenBrowserAsync("phone", PhoneScreen.Size, phone: true);

        await page.GotoAsync(ev.JoinLink.ToString());
        var join = page.GetByTestId("join");
        await Expect(join).ToBeVisibleAsync();
        await PhoneScreen.AssertWithinWidthAsync(join);
        await PhoneScreen.AssertNoHorizontalScrollAsync(page, "join page");

        await RoomPage.FillJoinFormAsync(page, Person.Ann);
        await join.ClickAsync();
        await Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("live");

        var input = page.GetByTestId("chat-input");
        var send = page.GetByTestId("chat-send");
        await Expect(input).ToBeVisibleAsync();
        await Expect(send).ToBeVisibleAsync();
        await PhoneScreen.AssertWithinWidthAsync(input);
        await PhoneScreen.AssertWithinWidthAsync(send);
        await input.FillAsync("Hallo vanaf mijn telefoon");
        await send.ClickAsync();
        await Expect(page.GetByTestId("chat-list").Locator("li")).ToContainTextAsync(["Hallo vanaf mijn telefoon"]);
        await PhoneScreen.AssertNoHorizontalScrollAsync(page, "room");
    }

    [Fact]
    public async Task TheLandingPageHasNoHorizontalScrollOnA390PixelWidePhone()
    {
        var page = await Scene.OpenBrowserAsync("phone", PhoneScreen.Size, phone: true);

        await page.GotoAsync("/");

        await Expect(page.GetByTestId("create-event")).ToBeVisibleAsync();
        await PhoneScreen.AssertWithinWidthAsync(page.GetByTestId("create-event"));
        await PhoneScreen.AssertNoHorizontalScrollAsync(page, "landing page");
    }
}
