using Microsoft.Playwright;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// What a page did to get attention, seen from outside the app: an init script counts the tones the page
/// makes through Web Audio and the vibrations it asks for, records every tab title it sets, and lets the
/// test hide and show the tab (headless Chromium's tabs are always visible). The app has no test hooks.
/// </summary>
public static class MomentProbe
{
    private const string Script = """
        (() => {
          const probe = { tones: 0, vibrations: 0, titles: [], contexts: [] };
          Object.defineProperty(window, "__momentProbe", { value: probe });
          const Context = window.AudioContext;
          if (Context) {
            const createOscillator = Context.prototype.createOscillator;
            Context.prototype.createOscillator = function () { probe.tones++; return createOscillator.call(this); };
            window.AudioContext = class extends Context {
              constructor(...args) { super(...args); probe.contexts.push(this); }
            };
          }
          Object.defineProperty(Navigator.prototype, "vibrate", { configurable: true, value: () => { probe.vibrations++; return true; } });
          const title = Object.getOwnPropertyDescriptor(Document.prototype, "title");
          Object.defineProperty(Document.prototype, "title", {
            configurable: true,
            get() { return title.get.call(this); },
            set(value) { probe.titles.push(String(value)); title.set.call(this, value); },
          });
          let hidden = false;
          Object.defineProperty(Document.prototype, "hidden", { configurable: true, get: () => hidden });
          Object.defineProperty(Document.prototype, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
          Object.defineProperty(window, "__setHidden", { value: (value) => { hidden = value; document.dispatchEvent(new Event("visibilitychange")); } });
        })();
        """;

    /// <summary>Installs the probe on a page before it opens the app.</summary>
    public static Task InstallAsync(IPage page) => page.AddInitScriptAsync(Script);

    /// <summary>Waits (up to the expect timeout) until the page has made at least one tone.</summary>
    public static Task WaitForToneAsync(IPage page) => page.WaitForFunctionAsync("() => window.__momentProbe.tones > 0");

    /// <summary>Waits until the page has asked the phone to vibrate.</summary>
    public static Task WaitForVibrationAsync(IPage page) => page.WaitForFunctionAsync("() => window.__momentProbe.vibrations > 0");

    public static Task<int> TonesAsync(IPage page) => page.EvaluateAsync<int>("() => window.__momentProbe.tones");

    /// <summary>
    /// Waits until the page's sound runs (it starts after the person's first tap), then suspends it as a phone
    /// does while the page is in the background.
    /// </summary>
    public static async Task SuspendSoundAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__momentProbe.contexts.some(c => c.state === 'running')");
        await page.EvaluateAsync("() => Promise.all(window.__momentProbe.contexts.map(c => c.suspend()))");
        Assert.Equal("suspended", await page.EvaluateAsync<string>("() => window.__momentProbe.contexts[0].state"));
    }

    /// <summary>Every title the page set, in order.</summary>
    public static Task<string[]> TitlesAsync(IPage page) => page.EvaluateAsync<string[]>("() => window.__momentProbe.titles");

    /// <summary>As if the person switched to another tab (true) or came back (false).</summary>
    public static Task SetHiddenAsync(IPage page, bool hidden) => page.EvaluateAsync("hidden => window.__setHidden(hidden)", hidden);
}
