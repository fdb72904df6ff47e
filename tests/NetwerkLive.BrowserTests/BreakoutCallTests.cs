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

    [Fact]
    public async Task AGroupOfThreeConnectsAsAMeshInWhichEveryoneSeesTheOtherTwo()
    {
        var (_, attendees) = await StartRoundAsync(groupSize: 3, Person.Ann, Person.Bram, Person.Chris);

        foreach (var page in attendees)
        {
            await CallProbe.ExpectPlayingAsync(page, partners: 2);
            foreach (var other in attendees.Where(a => a != page))
            {
                await Expect(page.BreakoutPanel.Locator($"video[data-testid=\"breakout-video-remote\"][data-attendee-id=\"{other.AttendeeId}\"]"))
                    .ToHaveCountAsync(1);
            }
        }
    }

    [Fact]
    public async Task ALateJoinerIsAddedToTheRunningCallAndSomeoneLeavingIsTakenOutOfIt()
    {
        var ev = await Scene.CreateEventAsync();
        var opening = HostConsole.OpenAsync(Scene, ev);
        var (ann, bram, chris) = (await CallProbe.JoinAsync(Scene, ev, Person.Ann), await CallProbe.JoinAsync(Scene, ev, Person.Bram),
            await CallProbe.JoinAsync(Scene, ev, Person.Chris));
        var host = await opening;
        // Chris is not open for networking when the round starts: Ann and Bram make a pair.
        await chris.ByTestId("available-toggle").UncheckAsync();
        await Expect(host.AttendeeEntry(chris.AttendeeId)).Not.ToHaveClassAsync(RoomTests.AvailableClass());
        await host.StartRoundAsync(groupSize: 2);
        await CallProbe.ExpectPlayingAsync(ann, partners: 1);
        await CallProbe.ExpectPlayingAsync(bram, partners: 1);

        // Becoming available in the round's first half makes the pair a group of three (BreakoutService, late joiner).
        await chris.ByTestId("available-toggle").CheckAsync();

        foreach (var page in new[] { ann, bram, chris })
        {
            await CallProbe.ExpectPlayingAsync(page, partners: 2);
        }

        await chris.ByTestId("leave-breakout").ClickAsync();

        await CallProbe.ExpectHungUpAsync(chris);
        foreach (var page in new[] { ann, bram })
        {
            await Expect(page.BreakoutPanel.Locator($"[data-testid=\"breakout-video-remote\"][data-attendee-id=\"{chris.AttendeeId}\"]"))
                .ToHaveCountAsync(0);
            await CallProbe.ExpectPlayingAsync(page, partners: 1);
        }
    }

    [Fact]
    public async Task AReloadMidCallReconnectsTheCallWhicheverPartnerReloads()
    {
        var (_, attendees) = await StartRoundAsync(groupSize: 2, Person.Ann, Person.Bram);
        foreach (var page in attendees)
        {
            await CallProbe.ExpectPlayingAsync(page, partners: 1);
        }

        // Both in turn: one side of a pair makes the offers and the other answers, and each recovers its own way.
        for (var i = 0; i < attendees.Length; i++)
        {
            var (reloading, staying) = (attendees[i], attendees[1 - i]);
            await reloading.Page.ReloadAsync();
            await Expect(reloading.ConnectionState).ToHaveTextAsync("live");

            await CallProbe.ExpectPlayingAsync(reloading, partners: 1);
            // The partner replaced its connection to the page that is gone with a new one (a reloaded page starts a new probe).
            await CallProbe.ExpectClosedConnectionsAsync(staying, 1);
            await CallProbe.ExpectPlayingAsync(staying, partners: 1);
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
