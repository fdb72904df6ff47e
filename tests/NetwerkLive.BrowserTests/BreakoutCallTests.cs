using System.Globalization;
using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// The call in the breakout panel: real WebRTC between real pages (Chromium's fake camera and microphone), signalled
/// through the hub. What is checked comes from the browser (getStats, the video elements, the tracks), through
/// <see cref="CallProbe"/>.
/// </summary>
[Collection(BreakoutSuite.Name)]
public sealed class BreakoutCallTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private readonly ITestOutputHelper _output = output;

    [Fact]
    public async Task APairSeesEachOtherInTheBreakoutAndTheCallEndsWithTheRound()
    {
        var (host, attendees) = await StartRoundAsync(groupSize: 2, Person.Ann, Person.Bram);

        foreach (var page in attendees)
        {
            await CallProbe.ExpectPlayingAsync(page, partners: 1);
            await Expect(page.ByTestId("breakout-video-local")).ToHaveJSPropertyAsync("muted", true);
            _output.WriteLine($"{page}: BreakoutStarted to the partner's first frame: {CallProbe.Format(await CallProbe.TimesToFirstFrameAsync(page))}");
        }

        await host.EndRoundAsync();

        foreach (var page in attendees)
        {
            await Expect(page.BreakoutPanel).ToBeHiddenAsync();
            await CallProbe.ExpectHungUpAsync(page);
        }
    }

    private async Task<(HostConsole Host, RoomPage[] Attendees)> StartRoundAsync(int groupSize, params Person[] people)
    {
        var ev = await Scene.CreateEventAsync();
        var opening = HostConsole.OpenAsync(Scene, ev);
        var attendees = await Task.WhenAll(people.Select(person => CallProbe.JoinAsync(Scene, ev, person)));
        var host = await opening;
        await Expect(host.AttendeeCount).ToHaveTextAsync((people.Length + 1).ToString(CultureInfo.InvariantCulture));
        await host.StartRoundAsync(groupSize: groupSize);
        return (host, attendees);
    }
}
