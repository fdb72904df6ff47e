using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// An axe-core scan of what a page shows right now. Only serious and critical violations fail: those are
/// the ones that stop someone (no name on a control, text too faint to read, a region a keyboard cannot
/// reach). The page's browser must be opened with bypassCsp, or the pages' CSP refuses axe's script.
/// </summary>
public static class Axe
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string state)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0,
            $"axe-core found {serious.Count} serious or critical violation(s) on {state} ({page.ViewportSize?.Width} px wide):\n" +
            string.Join("\n", serious.SelectMany(v => v.Nodes.Select(n => $"- {v.Id} ({v.Impact}) at {n.Target}: {v.Help}"))));
    }
}
