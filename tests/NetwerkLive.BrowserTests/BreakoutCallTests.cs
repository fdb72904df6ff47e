using System.Globalization;
using System.Text.RegularExpressions;
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
            _output.WriteLine($"{page}, after BreakoutStarted: {await CallProbe.TimingsAsync(page)}");
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
        var ev = await Scene.CreateEventAsync();
        var opening = HostConsole.OpenAsync(Scene, ev);
        var joined = await Task.WhenAll(new[] { Person.Ann, Person.Bram, Person.Chris }.Select(p => CallProbe.JoinWithFramesAsync(Scene, ev, p, routeFrames: true)));
        var host = await opening;
        await Expect(host.AttendeeCount).ToHaveTextAsync("4");
        await host.StartRoundAsync(groupSize: 3);

        foreach (var (page, _) in joined)
        {
            await CallProbe.ExpectPlayingAsync(page, partners: 2);
            foreach (var (other, _) in joined.Where(j => j.Page != page))
            {
                await Expect(page.BreakoutPanel.Locator($"video[data-testid=\"breakout-video-remote\"][data-attendee-id=\"{other.AttendeeId}\"]"))
                    .ToHaveCountAsync(1);
            }
        }
        // Two connected partners, one breakout: each page counts its call for the host's report once.
        foreach (var (_, frames) in joined)
        {
            Assert.Equal(1, frames!.SentCount("ReportCallConnected"));
        }
    }

    [Fact]
    public async Task ALateJoinerIsAddedToTheRunningCallAndSomeoneLeavingIsTakenOutOfIt()
    {
        var ev = await Scene.CreateEventAsync();
        var opening = HostConsole.OpenAsync(Scene, ev);
        var joined = await Task.WhenAll(new[] { Person.Ann, Person.Bram, Person.Chris }.Select(p => CallProbe.JoinAsync(Scene, ev, p)));
        var (ann, bram, chris) = (joined[0], joined[1], joined[2]);
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

    [Fact]
    public async Task AHubReconnectKeepsTheCallOnItsConnections()
    {
        var ev = await Scene.CreateEventAsync();
        var opening = HostConsole.OpenAsync(Scene, ev);
        var joined = await Task.WhenAll(new[] { Person.Ann, Person.Bram }.Select(p => CallProbe.JoinWithFramesAsync(Scene, ev, p, routeFrames: true)));
        var host = await opening;
        await Expect(host.AttendeeCount).ToHaveTextAsync("3");
        await host.StartRoundAsync(groupSize: 2);
        var (ann, annFrames) = (joined[0].Page, joined[0].Frames!);
        var bram = joined[1].Page;
        await CallProbe.ExpectPlayingAsync(ann, partners: 1);
        await CallProbe.ExpectPlayingAsync(bram, partners: 1);

        // SignalR logs the drop as an error: that one is the test's doing.
        Scene.ExpectConsoleErrors(Person.Ann.Name, new Regex("WebSocket closed with status code: 1001"));
        await annFrames.DropConnectionAsync();

        // The page reconnects by itself and joins again, which gives it the same group back.
        await annFrames.Reconnected.WaitAsync(TimeSpan.FromSeconds(Timeouts.Expect / 1000));
        await Expect(ann.ConnectionState).ToHaveTextAsync("live");
        foreach (var page in new[] { ann, bram })
        {
            await CallProbe.ExpectPlayingAsync(page, partners: 1);
            await CallProbe.ExpectConnectionCountAsync(page, opened: 1, closed: 0);
        }
    }

    [Fact]
    public async Task ASignalThatArrivesBeforeThePageKnowsItsGroupIsKeptAndAnswered()
    {
        var ev = await Scene.CreateEventAsync();
        var opening = HostConsole.OpenAsync(Scene, ev);
        var joined = await Task.WhenAll(new[] { Person.Ann, Person.Bram }.Select(p => CallProbe.JoinWithFramesAsync(Scene, ev, p, routeFrames: true)));
        var host = await opening;
        await Expect(host.AttendeeCount).ToHaveTextAsync("3");
        // The side with the smaller attendee id answers (call-peer.js): its BreakoutStarted comes after the partner's offer.
        var ordered = joined.OrderBy(j => j.Page.AttendeeId, StringComparer.Ordinal).ToArray();
        var (answering, offering) = (ordered[0], ordered[1].Page);
        answering.Frames!.HoldBreakoutStartedUntilACallSignal();

        await host.StartRoundAsync(groupSize: 2);
        await answering.Frames.Released.WaitAsync(TimeSpan.FromSeconds(CallProbe.MediaTimeout / 1000));

        await CallProbe.ExpectPlayingAsync(answering.Page, partners: 1);
        await CallProbe.ExpectPlayingAsync(offering, partners: 1);
        Assert.True(answering.Frames.Reordered);
        // Answered the first offer: a dropped one would have been made again (call-peer.js, OFFER_RETRY_MS).
        Assert.Equal(1, await CallProbe.OffersAsync(offering));
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
