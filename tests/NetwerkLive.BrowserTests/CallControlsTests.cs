using Microsoft.Playwright;
using NetwerkLive.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// The breakout call a person can use (docs/video.md, "Camera and microphone"): the microphone and camera
/// buttons stop what is sent and the partner sees it, a refused camera still gives a call with sound and says
/// why, and the call fits a 390 px phone in Dutch with nothing serious for axe-core. Media is Chromium's fake
/// camera (a moving pattern) and microphone (a beep), measured with WebRTC's own statistics.
/// </summary>
[Collection(BreakoutSuite.Name)]
public sealed class CallControlsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task MutingAndTurningTheCameraOffStopWhatIsSentAndThePartnerSeesIt()
    {
        var (ann, bram) = await PairInACallAsync();
        await CallStats.WaitUntilRateAsync(bram.Page, t => t.InboundAudioEnergy, growing: true, atLeast: 0);
        var mic = ann.ByTestId("breakout-mic-toggle");
        await Expect(mic).ToHaveAttributeAsync("aria-pressed", "false");

        await mic.ClickAsync();

        await Expect(mic).ToHaveAttributeAsync("aria-pressed", "true");
        await ExpectShownAsync(RemoteTile(bram, ann).GetByTestId("breakout-remote-muted"), "Muted");
        // Silence still travels in packets (the call stays up); the sound in them is gone.
        await CallStats.WaitUntilRateAsync(bram.Page, t => t.InboundAudioEnergy, growing: false, atLeast: 0);
        await CallStats.WaitUntilRateAsync(ann.Page, t => t.OutboundAudioPackets, growing: true, atLeast: 10);

        await mic.ClickAsync();

        await Expect(RemoteTile(bram, ann).GetByTestId("breakout-remote-muted")).ToBeHiddenAsync();
        await CallStats.WaitUntilRateAsync(bram.Page, t => t.InboundAudioEnergy, growing: true, atLeast: 0);

        var camera = ann.ByTestId("breakout-camera-toggle");
        await camera.ClickAsync();

        await Expect(camera).ToHaveAttributeAsync("aria-pressed", "true");
        await ExpectShownAsync(RemoteTile(bram, ann).GetByTestId("breakout-remote-camera-off"), "Camera off");
        await CallStats.WaitUntilRateAsync(ann.Page, t => t.OutboundFramesSent, growing: false, atLeast: 0);
        // The camera itself is let go (its light goes off), not only hidden from the partner.
        await ann.Page.WaitForFunctionAsync(
            "() => !document.querySelector('[data-testid=breakout-video-local]')?.srcObject?.getVideoTracks().some(t => t.readyState === 'live')");

        await camera.ClickAsync();

        await Expect(RemoteTile(bram, ann).GetByTestId("breakout-remote-camera-off")).ToBeHiddenAsync();
        await CallStats.WaitUntilRateAsync(ann.Page, t => t.OutboundFramesSent, growing: true, atLeast: 5);
        await RemoteVideoPlaysAsync(bram, ann);
    }

    [Fact]
    public async Task WithTheCameraRefusedTheBreakoutIsACallWithSoundOnlyThatSaysWhy()
    {
        var ev = await Scene.CreateEventAsync(meetingUrlTemplate: null);
        var opening = HostConsole.OpenAsync(Scene, ev);
        // Ann allowed the microphone and not the camera. Her browser is a Chromium without the fake consent the
        // other tests' browser has, so it is Chromium's own permission check that refuses the camera: the page
        // gets the NotAllowedError a real refusal gives, and the same fake microphone as everyone.
        var page = await Scene.OpenBrowserAsync(Person.Ann.Name, mediaPermissions: ["microphone"]);
        await CallProbe.InstallAsync(page);
        var ann = await RoomPage.JoinOnAsync(page, ev, Person.Ann);
        var bram = await JoinWithStatsAsync(ev, Person.Bram);
        var host = await opening;

        // The check in the room says it before any breakout, and shows no picture.
        await ann.ByTestId("media-check-start").ClickAsync();
        await Expect(ann.ByTestId("media-check-message")).ToHaveTextAsync(
            "You did not allow the camera, so you take part with sound only: the others hear you but don't see you. " +
            "To use the camera, allow it in your browser (the camera icon in the address bar) and reload the page.");
        await Expect(ann.ByTestId("media-check-preview")).ToBeHiddenAsync();
        await Expect(ann.ByTestId("media-check-level")).ToBeVisibleAsync();

        await host.StartRoundAsync();

        await Expect(ann.ByTestId("call-media-notice")).ToContainTextAsync("You did not allow the camera, so you take part with sound only");
        await Expect(ann.ByTestId("breakout-camera-toggle")).ToBeDisabledAsync();
        await Expect(ann.ByTestId("breakout-mic-toggle")).ToBeEnabledAsync();
        await RemoteVideoPlaysAsync(ann, bram);
        // Bram hears her (her voice is not held back by a video that never starts) and is told why there is no picture.
        await CallStats.WaitUntilRateAsync(bram.Page, t => t.InboundAudioEnergy, growing: true, atLeast: 0);
        await ExpectShownAsync(RemoteTile(bram, ann).GetByTestId("breakout-remote-camera-off"), "Camera off");
        Assert.Equal(0, (await CallStats.ReadAsync(bram.Page)).InboundFramesDecoded);
        Assert.Equal(0, (await CallStats.ReadAsync(ann.Page)).OutboundFramesSent);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task OnAPhoneInDutchACallOfTwoOrThreeFitsKeepsTheChatInReachAndHasNoSeriousViolations(int people)
    {
        var ev = await Scene.CreateEventAsync(meetingUrlTemplate: null);
        var opening = HostConsole.OpenAsync(Scene, ev);
        var ann = await RoomPage.JoinAsync(Scene, ev, Person.Ann, PhoneScreen.Size, phone: true, "nl-NL", bypassCsp: true);
        var partners = await RoomPage.JoinAllAsync(Scene, ev, [.. new[] { Person.Bram, Person.Chris }.Take(people - 1)]);
        var host = await opening;

        await ann.ByTestId("media-check-start").ClickAsync();
        await Expect(ann.ByTestId("media-check-message")).ToHaveTextAsync("Je camera en microfoon werken. In een ont-moeting zien en horen de anderen je.");
        await ann.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=media-check-preview]').videoWidth > 0");
        await Axe.AssertNoSeriousViolationsAsync(ann.Page, "the camera check in the room");

        await host.StartRoundAsync(groupSize: people);

        await Expect(ann.ByTestId("media-check")).ToBeHiddenAsync();
        foreach (var partner in partners)
        {
            await RemoteVideoPlaysAsync(ann, partner);
            await Expect(RemoteTile(ann, partner).Locator(".call-name")).ToHaveTextAsync(partner.Person.Name);
        }
        await Expect(ann.ByTestId("breakout-call")).ToHaveAttributeAsync("data-people", people.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(ann.ByTestId("breakout-mic-toggle")).ToHaveTextAsync("Dempen");
        await Expect(ann.ByTestId("breakout-camera-toggle")).ToHaveTextAsync("Camera uit");
        await PhoneScreen.AssertNoHorizontalScrollAsync(ann.Page, "breakout with its call");
        // The countdown is on screen with the videos, and the private chat is one scroll away and works.
        await Expect(ann.BreakoutCountdown).ToBeInViewportAsync();
        foreach (var partner in partners)
        {
            await Expect(RemoteTile(ann, partner)).ToBeInViewportAsync(new() { Ratio = 0.5f });
        }
        await ann.SendBreakoutChatAsync("Wat doe jij bij Vitens?");
        await Axe.AssertNoSeriousViolationsAsync(ann.Page, $"a call of {people} on a phone");
    }

    private async Task<(RoomPage Ann, RoomPage Bram)> PairInACallAsync()
    {
        var ev = await Scene.CreateEventAsync(meetingUrlTemplate: null);
        var opening = HostConsole.OpenAsync(Scene, ev);
        var ann = await JoinWithStatsAsync(ev, Person.Ann);
        var bram = await JoinWithStatsAsync(ev, Person.Bram);
        await (await opening).StartRoundAsync();
        await RemoteVideoPlaysAsync(ann, bram);
        await RemoteVideoPlaysAsync(bram, ann);
        return (ann, bram);
    }

    private Task<RoomPage> JoinWithStatsAsync(EventLinks ev, Person person) => CallProbe.JoinAsync(Scene, ev, person);

    /// <summary>The element is on screen (not only in the page) and says <paramref name="text"/>.</summary>
    private static async Task ExpectShownAsync(ILocator element, string text)
    {
        await Expect(element).ToBeVisibleAsync();
        await Expect(element).ToHaveTextAsync(text);
    }

    /// <summary>The tile of <paramref name="partner"/>'s video on <paramref name="viewer"/>'s page.</summary>
    private static ILocator RemoteTile(RoomPage viewer, RoomPage partner) =>
        viewer.ByTestId("breakout-call").Locator($"figure[data-attendee-id=\"{partner.AttendeeId}\"]");

    /// <summary>
    /// Waits until <paramref name="partner"/>'s video on <paramref name="viewer"/>'s page has a picture. Longer than
    /// the other expectations: in the full suite, beside the room tests on two shared cores, a call's first frame took
    /// more than 15 s (ICE, DTLS and the first key frame of three encoding pages).
    /// </summary>
    private static async Task RemoteVideoPlaysAsync(RoomPage viewer, RoomPage partner) =>
        await viewer.Page.WaitForFunctionAsync(
            "id => document.querySelector(`[data-testid=breakout-video-remote][data-attendee-id=\"${id}\"]`)?.videoWidth > 0",
            partner.AttendeeId, new() { Timeout = 3 * Timeouts.Expect });
}
