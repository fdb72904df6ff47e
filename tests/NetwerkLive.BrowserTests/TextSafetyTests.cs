using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>Text from other people is shown as text, never run as HTML.</summary>
[Collection(RoomSuite.Name)]
public sealed class TextSafetyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Markup = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task MarkupInAChatMessageOrADisplayNameIsShownAsTextAndRunsNothing()
    {
        var ev = await Scene.CreateEventAsync();
        var (ann, mallory) = RoomTests.Pair(await RoomPage.JoinAllAsync(Scene, ev, Person.Ann, new Person(Markup, "<b>Bold BV</b>")));

        await mallory.SendChatAsync(Markup);

        foreach (var page in new[] { ann, mallory })
        {
            var message = page.ChatMessage(Markup);
            await Expect(message).ToHaveCountAsync(1);
            Assert.Contains(Markup, await message.TextContentAsync(), StringComparison.Ordinal);
            await Expect(message.Locator(".text")).ToHaveTextAsync(Markup);
            await Expect(message.Locator(".sender")).ToContainTextAsync(Markup);
            await Expect(page.AttendeeEntry(mallory.AttendeeId)).ToContainTextAsync(Markup);
            await Expect(page.AttendeeEntry(mallory.AttendeeId)).ToContainTextAsync("<b>Bold BV</b>");
            await Expect(page.ChatList.Locator("img, b")).ToHaveCountAsync(0);
            await Expect(page.AttendeeList.Locator("img, b")).ToHaveCountAsync(0);
            await Expect(page.Page.Locator("img[src='x']")).ToHaveCountAsync(0);
        }

        // A message after it has made the round trip: an onerror would have fired by now.
        await ann.SendChatAsync("Dat is gewoon tekst.");
        await Expect(mallory.ChatMessage("Dat is gewoon tekst.")).ToHaveCountAsync(1);
        Assert.Empty(Scene.Dialogs);
    }
}
