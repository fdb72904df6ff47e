using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>Text from other people is shown as text, never run as HTML.</summary>
public sealed class TextSafetyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Markup = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task AChatMessageWithAnImgTagIsShownAsTextAndRunsNothing()
    {
        var ev = await Scene.CreateEventAsync();
        var ann = await RoomPage.JoinAsync(Scene, ev, Person.Ann);
        var bram = await RoomPage.JoinAsync(Scene, ev, Person.Bram);

        await ann.SendChatAsync(Markup);

        foreach (var page in new[] { ann, bram })
        {
            var message = page.ChatMessage(Markup);
            await Expect(message).ToHaveCountAsync(1);
            Assert.Contains(Markup, await message.TextContentAsync(), StringComparison.Ordinal);
            await Expect(message.Locator(".text")).ToHaveTextAsync(Markup);
            await Expect(page.ChatList.Locator("img")).ToHaveCountAsync(0);
            await Expect(page.Page.Locator("img[src='x']")).ToHaveCountAsync(0);
        }

        // A message after it has made the round trip: an onerror would have fired by now.
        await bram.SendChatAsync("Dat is gewoon tekst.");
        await Expect(ann.ChatMessage("Dat is gewoon tekst.")).ToHaveCountAsync(1);
        Assert.Empty(Scene.Dialogs);
    }

    [Fact]
    public async Task ADisplayNameWithMarkupIsShownAsTextInTheAttendeeListAndTheChat()
    {
        var ev = await Scene.CreateEventAsync();
        var ann = await RoomPage.JoinAsync(Scene, ev, Person.Ann);
        var mallory = await RoomPage.JoinAsync(Scene, ev, new Person(Markup, "<b>Bold BV</b>"));

        await mallory.SendChatAsync("Hallo!");

        var entry = ann.AttendeeEntry(mallory.AttendeeId);
        await Expect(entry).ToContainTextAsync(Markup);
        await Expect(entry).ToContainTextAsync("<b>Bold BV</b>");
        await Expect(ann.ChatMessage("Hallo!").Locator(".sender")).ToContainTextAsync(Markup);
        await Expect(ann.AttendeeList.Locator("img, b")).ToHaveCountAsync(0);
        await Expect(ann.ChatList.Locator("img, b")).ToHaveCountAsync(0);

        await ann.SendChatAsync("Welkom.");
        await Expect(mallory.ChatMessage("Welkom.")).ToHaveCountAsync(1);
        Assert.Empty(Scene.Dialogs);
    }
}
