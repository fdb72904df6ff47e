using System.Globalization;
using System.Text.RegularExpressions;
using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// What the server says reaches the person in the page's language: a refused registration (problem
/// details), a refusal over the hub, and the report CSV the host downloads.
/// </summary>
[Collection(RoomSuite.Name)]
public sealed class ServerLanguageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("nl-NL", "telefoonnummer")]
    [InlineData("en-US", "phone number")]
    public async Task ARefusedContactIsExplainedInThePagesLanguageAndTheFieldIsMarked(string language, string explanation)
    {
        var ev = await Scene.CreateEventAsync();
        var page = await Scene.OpenBrowserAsync("Ann", language: language);
        Scene.ExpectConsoleErrors("Ann", new Regex("status of 400"));
        await page.GotoAsync(ev.JoinLink.ToString());
        await RoomPage.FillJoinFormAsync(page, Person.Ann with { Contact = "bel me maar" });

        await page.GetByTestId("join").ClickAsync();

        await Expect(page.GetByTestId("form-error")).ToContainTextAsync(explanation);
        await Expect(page.GetByTestId("contact")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByTestId("contact")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task AfterSwitchingToDutchARefusalFromTheServerComesInDutch()
    {
        var ev = await Scene.CreateEventAsync();
        var page = await Scene.OpenBrowserAsync("Ann", language: "en-US");
        Scene.ExpectConsoleErrors("Ann", new Regex("status of 400"));
        await page.GotoAsync(ev.JoinLink.ToString());
        await page.GetByTestId("language-nl").ClickAsync();

        await page.GetByTestId("join").ClickAsync(); // without a name

        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("Je naam mag niet leeg zijn.");
    }

    [Fact]
    public async Task AHostWhoChoseDutchInAnEnglishBrowserGetsTheHubsRefusalInDutch()
    {
        var ev = await Scene.CreateEventAsync();
        var host = await HostConsole.OpenAsync(Scene, ev, language: "en-US");
        await host.ByTestId("language-nl").ClickAsync();
        await host.Page.ReloadAsync(); // a new hub connection, from a browser whose own Accept-Language is English
        await Expect(host.ByTestId("connection-state")).ToHaveTextAsync("live");

        await host.ByTestId("host-broadcast-input").FillAsync("Nog twee minuten");
        await host.ByTestId("host-broadcast-send").ClickAsync(); // nobody is in a breakout

        await Expect(host.ByTestId("error-message")).ToHaveTextAsync("Er zit nu niemand in een ont-moeting.");
    }

    [Fact]
    public async Task TheCsvADutchHostDownloadsOpensAsColumnsInDutchExcel()
    {
        var ev = await Scene.CreateEventAsync();
        var opened = DateTimeOffset.UtcNow;
        // A member on Curaçao: not the server's Dutch default (Amsterdam), so the page must say which zone.
        var host = await HostConsole.OpenAsync(Scene, ev, language: "nl-NL", timeZone: "America/Curacao");
        var csv = host.ByTestId("host-report-csv");
        await Expect(csv).ToBeVisibleAsync();

        var before = DateTimeOffset.UtcNow;
        var download = await host.Page.RunAndWaitForDownloadAsync(() => csv.ClickAsync());
        var after = DateTimeOffset.UtcNow;

        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3)); // the BOM: Excel reads UTF-8
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n").Select(l => l.Split('\n')[0]).ToArray();
        Assert.Equal("soort;naam;waarde", lines[0]); // Dutch headers, semicolons
        Assert.EndsWith("-verslag.csv", download.SuggestedFilename, StringComparison.Ordinal);
        // Made (when the console loaded the report) as the host's own clock on Curaçao showed it.
        var madeAt = Assert.Single(lines, l => l.StartsWith("evenement;gemaakt op;", StringComparison.Ordinal));
        var curacao = TimeZoneInfo.FindSystemTimeZoneById("America/Curacao");
        var hours = new[] { opened, before, after }.Select(t => TimeZoneInfo.ConvertTime(t, curacao).ToString("dd-MM-yyyy HH:", CultureInfo.InvariantCulture));
        Assert.True(hours.Any(hour => madeAt.Contains($";{hour}", StringComparison.Ordinal)),
            $"The report's time of making is not Curaçao's time ({string.Join(" or ", hours.Distinct())}): {madeAt}");
    }
}
