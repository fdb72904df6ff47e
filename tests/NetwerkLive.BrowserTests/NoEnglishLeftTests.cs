using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// After a switch to Dutch, no text of the English dictionary is left anywhere a person reads or hears
/// it (visible text, placeholders, accessible names, titles), on a room with a breakout running and on
/// the host console: every text was re-written, not only the ones a test happens to look at.
/// </summary>
[Collection(RoomSuite.Name)]
public sealed class NoEnglishLeftTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string EnglishOnlyTexts =
        """
        import { en } from "./src/strings/en.js";
        import { nl } from "./src/strings/nl.js";
        const texts = [];
        const walk = (a, b) => { for (const k of Object.keys(a)) {
          if (typeof a[k] === "string" && a[k] !== b[k]) texts.push(a[k]);
          else if (a[k] && typeof a[k] === "object") walk(a[k], b[k]); } };
        walk(en, nl);
        console.log(JSON.stringify(texts));
        """;

    private const string WhatThePageSays =
        """
        () => {
          const said = document.body.innerText.split("\n").map((line) => line.trim()).filter(Boolean);
          for (const node of document.querySelectorAll("[placeholder], [aria-label], [title]")) {
            for (const attr of ["placeholder", "aria-label", "title"]) if (node.getAttribute(attr)) said.push(node.getAttribute(attr).trim());
          }
          said.push(document.title);
          return said;
        }
        """;

    [Fact]
    public async Task AfterSwitchingToDutchNoEnglishTextIsLeftOnTheRoomTheBreakoutOrTheHostConsole()
    {
        var (exitCode, json) = await ClientApp.RunNodeAsync("--input-type=module", "-e", EnglishOnlyTexts);
        Assert.Equal(0, exitCode);
        var english = JsonSerializer.Deserialize<string[]>(json)!.ToHashSet(StringComparer.Ordinal);
        var ev = await Scene.CreateEventAsync();
        var host = await HostConsole.OpenAsync(Scene, ev);
        var (ann, bram) = (await RoomPage.JoinAsync(Scene, ev, Person.Ann), await RoomPage.JoinAsync(Scene, ev, Person.Bram));
        await ann.SendChatAsync("Goedemiddag");
        await host.StartRoundAsync();
        await Expect(ann.BreakoutPartners).ToHaveCountAsync(1);
        await ann.SendBreakoutChatAsync("Hoi Bram");
        await ann.Partner(bram.AttendeeId).GetByTestId("follow-up").ClickAsync();
        await Expect(ann.Partner(bram.AttendeeId).GetByTestId("follow-up")).ToBeDisabledAsync();

        foreach (var page in new[] { ann.Page, host.Page })
        {
            await page.GetByTestId("language-nl").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
            var left = (await page.EvaluateAsync<string[]>(WhatThePageSays)).Where(english.Contains).Distinct().ToList();
            Assert.True(left.Count == 0, $"After switching to Dutch, {page.Url} still says in English:\n{string.Join("\n", left)}");
        }
        // Texts made from values too, with the Dutch plural and the Dutch clock.
        await Expect(host.ByTestId("host-round-info")).ToHaveTextAsync(new Regex(@"^Ronde \S+ loopt tot \d{2}:\d{2} \(1 groep\)\.$"));
    }
}
