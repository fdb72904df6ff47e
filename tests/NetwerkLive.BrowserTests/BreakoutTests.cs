using System.Globalization;
using System.Text.RegularExpressions;
using NetwerkLive.BrowserTests.Infrastructure;
using NetwerkLive.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

[Collection(BreakoutSuite.Name)]
public sealed partial class BreakoutTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task InARoundOfThreeEachAttendeeSeesTheOtherTwoAsPartnersAndACountdown()
    {
        // The shortest round the hub allows, so the countdown must start within its first minute.
        var (_, attendees) = await StartRoundAsync([Person.Ann, Person.Bram, Person.Chris], Scene.EmbeddedLivestream, minutes: 1);

        // Pairs from three people make one group of three.
        foreach (var page in attendees)
        {
            await Expect(page.BreakoutPanel).ToBeVisibleAsync();
            await Expect(page.BreakoutPartners).ToHaveCountAsync(2);
            foreach (var other in attendees.Where(a => a != page))
            {
                var partner = page.Partner(other.AttendeeId);
                await Expect(partner).ToContainTextAsync(other.Person.Name);
                await Expect(partner).ToContainTextAsync(other.Person.Company!);
                await Expect(partner).ToContainTextAsync(other.Person.Interests!.Split(',')[0].Trim());
                // Contacts stay private until a mutual follow-up.
                await Expect(partner).Not.ToContainTextAsync(other.Person.Contact!);
            }
            await Expect(page.Partner(page.AttendeeId)).ToHaveCountAsync(0);
            var meeting = page.BreakoutPanel.GetByTestId("meeting-link");
            await Expect(meeting).ToBeVisibleAsync();
            await Expect(meeting).ToHaveAttributeAsync("href", new Regex(@"^https://meet\.jit\.si/netwerk-\S+$"));
            await Expect(meeting).ToHaveAttributeAsync("target", "_blank");
            await ExpectCountingDownAsync(page);
        }
        // The three see one meeting room.
        var rooms = new HashSet<string?>();
        foreach (var page in attendees)
        {
            rooms.Add(await page.BreakoutPanel.GetByTestId("meeting-link").GetAttributeAsync("href"));
        }
        Assert.Single(rooms);
    }

    [Fact]
    public async Task BreakoutChatReachesOnlyTheOwnGroup()
    {
        // Four available attendees make two pairs; Eva is not open for networking and sits the round out.
        var ev = await Scene.CreateEventAsync(meetingMode: MeetingModes.External);
        var opening = HostConsole.OpenAsync(Scene, ev);
        var everyone = await RoomPage.JoinAllAsync(Scene, ev, Person.Ann, Person.Bram, Person.Chris, Person.Dewi, Person.Eva);
        var host = await opening;
        var attendees = everyone[..4];
        var eva = everyone[4];
        await eva.ByTestId("available-toggle").UncheckAsync();
        await Expect(host.AttendeeEntry(eva.AttendeeId)).Not.ToHaveClassAsync(RoomTests.AvailableClass());

        await host.StartRoundAsync();

        var partnerOf = new Dictionary<RoomPage, RoomPage>();
        foreach (var page in attendees)
        {
            await Expect(page.BreakoutPartners).ToHaveCountAsync(1);
            var partnerId = (await page.PartnerIdsAsync()).Single();
            partnerOf[page] = attendees.Single(a => a.AttendeeId == partnerId);
        }
        foreach (var (page, partner) in partnerOf)
        {
            Assert.Same(page, partnerOf[partner]); // the partner shown to A shows A
        }
        var one = attendees[0];
        var two = partnerOf[one];
        var three = attendees.First(a => a != one && a != two);
        var four = partnerOf[three];

        const string secret = "Alleen tussen ons: bel me op 06-12345678";
        await one.SendBreakoutChatAsync(secret);
        await Expect(two.BreakoutChatMessage(secret)).ToHaveCountAsync(1);
        await Expect(two.BreakoutChatMessage(secret).Locator(".sender")).ToContainTextAsync(one.Person.Name);
        await Expect(two.BreakoutChatMessage(secret)).Not.ToHaveClassAsync(RoomTests.OwnClass());
        await Expect(one.BreakoutChatMessage(secret)).ToHaveClassAsync(RoomTests.OwnClass());

        // Later messages to the others are barriers: had the secret gone to them, it would have come first.
        await three.SendBreakoutChatAsync("Hallo, wij zijn het andere paar.");
        await Expect(four.BreakoutChatMessage("Hallo, wij zijn het andere paar.")).ToHaveCountAsync(1);
        await one.SendChatAsync("Terug in de zaal om drie uur.");
        await Expect(eva.ChatMessage("Terug in de zaal om drie uur.")).ToHaveCountAsync(1);
        await Expect(host.ChatList).ToContainTextAsync("Terug in de zaal om drie uur.");

        await Expect(eva.BreakoutPanel).ToBeHiddenAsync();
        await Expect(three.BreakoutChatMessage("Hallo")).ToHaveCountAsync(1);
        await Expect(one.BreakoutChatMessage("Hallo")).ToHaveCountAsync(0);
        foreach (var outsider in new[] { three.Page, four.Page, eva.Page, host.Page })
        {
            await Expect(outsider.GetByText(secret)).ToHaveCountAsync(0);
        }
        // Breakout chat is not room chat, for the group itself either.
        await Expect(one.ChatMessage(secret)).ToHaveCountAsync(0);
        await Expect(two.ChatMessage(secret)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AFollowUpRevealsContactsOnlyWhenBothAsked()
    {
        var (_, attendees) = await StartRoundAsync(Person.Ann, Person.Bram, Person.Chris);
        var (ann, bram, chris) = (attendees[0], attendees[1], attendees[2]);
        await Expect(ann.BreakoutPartners).ToHaveCountAsync(2);
        await Expect(bram.BreakoutPartners).ToHaveCountAsync(2);
        await Expect(chris.BreakoutPartners).ToHaveCountAsync(2);

        // Ann asks Bram and Chris; only Chris asks back, so far.
        await FollowUpButton(ann, bram).ClickAsync();
        await FollowUpButton(ann, chris).ClickAsync();
        await FollowUpButton(chris, ann).ClickAsync();

        await ExpectContactAsync(ann, chris);
        await ExpectContactAsync(chris, ann);
        // Ann asked Bram before she asked Chris: had a one-sided request revealed anything, it would show by now.
        await Expect(ann.FollowUpContacts).ToHaveCountAsync(1);
        await Expect(bram.FollowUpContacts).ToHaveCountAsync(0);
        await Expect(ann.Page.GetByText(bram.Person.Contact!)).ToHaveCountAsync(0);

        await FollowUpButton(bram, ann).ClickAsync();

        await ExpectContactAsync(ann, bram);
        await ExpectContactAsync(bram, ann);
        await Expect(ann.FollowUpContacts).ToHaveCountAsync(2);
        await Expect(bram.FollowUpContacts).ToHaveCountAsync(1);
        await Expect(chris.FollowUpContacts).ToHaveCountAsync(1);
        await Expect(chris.Page.GetByText(bram.Person.Contact!)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WhenTheHostEndsTheRoundEveryBreakoutPanelClosesAndThePeopleMetStayListed()
    {
        var (host, attendees) = await StartRoundAsync(Person.Ann, Person.Bram, Person.Chris);
        foreach (var page in attendees)
        {
            await Expect(page.BreakoutPanel).ToBeVisibleAsync();
        }

        await host.EndRoundAsync();

        foreach (var page in attendees)
        {
            await Expect(page.BreakoutPanel).ToBeHiddenAsync();
            await Expect(page.ChatList).ToBeVisibleAsync();
            var metList = page.ByTestId("met-list");
            foreach (var other in attendees.Where(a => a != page))
            {
                var met = metList.Locator("li").Filter(new() { HasText = other.Person.Name });
                await Expect(met).ToHaveCountAsync(1);
                await Expect(met.GetByTestId("follow-up")).ToBeVisibleAsync();
            }
        }

        // After the round a follow-up from the met list still works.
        var (ann, bram) = (attendees[0], attendees[1]);
        await MetFollowUp(ann, bram).ClickAsync();
        await MetFollowUp(bram, ann).ClickAsync();
        await ExpectContactAsync(ann, bram);
        await ExpectContactAsync(bram, ann);

        static Microsoft.Playwright.ILocator MetFollowUp(RoomPage from, RoomPage to) =>
            from.ByTestId("met-list").Locator("li").Filter(new() { HasText = to.Person.Name }).GetByTestId("follow-up");
    }

    /// <summary>A new event with the host console open and the people joined, then a round in pairs.</summary>
    private Task<(HostConsole Host, RoomPage[] Attendees)> StartRoundAsync(params Person[] people) => StartRoundAsync(people, livestreamUrl: null);

    private async Task<(HostConsole Host, RoomPage[] Attendees)> StartRoundAsync(Person[] people, string? livestreamUrl, int minutes = 5)
    {
        var ev = await Scene.CreateEventAsync(livestreamUrl: livestreamUrl, meetingMode: MeetingModes.External);
        var opening = HostConsole.OpenAsync(Scene, ev);
        var attendees = await RoomPage.JoinAllAsync(Scene, ev, people);
        var host = await opening;
        await Expect(host.AttendeeCount).ToHaveTextAsync((people.Length + 1).ToString(CultureInfo.InvariantCulture));
        await host.StartRoundAsync(minutes);
        foreach (var page in attendees)
        {
            await Expect(page.BreakoutPanel).ToBeVisibleAsync();
        }
        return (host, attendees);
    }

    private static Microsoft.Playwright.ILocator FollowUpButton(RoomPage from, RoomPage to) =>
        from.Partner(to.AttendeeId).GetByTestId("follow-up");

    /// <summary>A 60 s round shows mm:ss within the minute, and on the real clock the next second shows within the timeout.</summary>
    private static async Task ExpectCountingDownAsync(RoomPage page)
    {
        var countdown = page.BreakoutCountdown;
        await Expect(countdown).ToHaveTextAsync(MinutesSeconds());
        var first = await countdown.TextContentAsync() ?? "";
        var firstSeconds = Seconds(first);
        Assert.InRange(firstSeconds, 1, 60);

        await Expect(countdown).Not.ToHaveTextAsync(first);
        var next = Seconds(await countdown.TextContentAsync() ?? "");
        Assert.True(next < firstSeconds, $"{page}'s countdown went from {first} to {next} s instead of down.");
    }

    private static async Task ExpectContactAsync(RoomPage viewer, RoomPage shown)
    {
        var contact = viewer.Page.Locator($"[data-testid=\"follow-up-contact\"][data-attendee-id=\"{shown.AttendeeId}\"]");
        await Expect(contact).ToContainTextAsync(shown.Person.Contact!);
        await Expect(contact).ToContainTextAsync(shown.Person.Name);
    }

    private static int Seconds(string text)
    {
        var match = MinutesSeconds().Match(text);
        Assert.True(match.Success, $"The countdown \"{text}\" is not mm:ss.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\b(\d{2}):([0-5]\d)\b")]
    private static partial Regex MinutesSeconds();
}
