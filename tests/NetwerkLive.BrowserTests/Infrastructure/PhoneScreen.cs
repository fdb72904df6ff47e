using Microsoft.Playwright;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>A 390 px wide phone (an iPhone 12 to 15 in portrait), and what every page must do on it.</summary>
public static class PhoneScreen
{
    public const int Width = 390;

    public static readonly ViewportSize Size = new() { Width = Width, Height = 844 };

    /// <summary>The page as a whole never scrolls sideways: nothing sticks out to the right of the screen.</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page, string where)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(scrollWidth <= Width, $"The {where} scrolls sideways on a {Width} px wide phone: scrollWidth is {scrollWidth}.");
    }

    /// <summary>Visible is not enough on a phone: the element must not stick out to the right of the screen.</summary>
    public static async Task AssertWithinWidthAsync(ILocator element, int minWidth = 0)
    {
        await element.ScrollIntoViewIfNeededAsync();
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"{element} has no box.");
        Assert.True(box.X >= 0 && box.X + box.Width <= Width && box.Width >= minWidth,
            $"{element} spans x={box.X}..{box.X + box.Width}: it should be on the {Width} px wide screen" +
            (minWidth > 0 ? $" and at least {minWidth} px wide." : "."));
    }
}
