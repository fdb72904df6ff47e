using System.Text.RegularExpressions;
using NetwerkLive.BrowserTests.Infrastructure;
using NetwerkLive.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// The host console's live overview and steering by hand, driven in the browser; the attendees are .NET SignalR
/// clients (the host's page is what is tested, and five pages would cost the suite's time for nothing).
/// </summary>
[Collection(RoomSuite.Name)]
public sealed class HostOverviewTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task TheHostWatchesARoundOfFiveSeesWhoLeftAndWhoWaitsMovesAndPairsPeopleByHandButNotTwoWhoMustNotMeet()
    {
        var ev = await Scene.CreateEventAsync(meetingMode: MeetingModes.External);
        var host = await HostConsole.OpenAsync(Scene, ev);
        await using var people = await HubPeople.JoinAsync(Scene, ev, Person.Ann, Person.Bram, Person.Chris, Person.Dewi, Person.Eva);
        await using var hostClient = await HubPerson.HostAsync(Scene, ev);
        await Expect(host.ByTestId("host-present")).ToHaveTextAsync("5");
        await Expect(host.ByTestId("host-available")).ToHaveTextAsync("5");

        var started = people.All.Select(p => p.NextBreakoutAsync()).ToArray();
        await host.StartRoundAsync(groupSize: 2);
        var groupOf = (await Task.WhenAll(started)).Select((a, i) => (Person: people[i], a.GroupId)).ToList();

        // Five in pairs: a pair and a group of three, each shown with its members' names, companies and state.
        await Expect(host.Groups).ToHaveCountAsync(2);
        foreach (var person in people.All)
        {
            var member = host.Member(person.AttendeeId);
            await Expect(member).ToContainTextAsync(person.Person.Name);
            await Expect(member).ToContainTextAsync(person.Person.Company!);
            await Expect(member.GetByTestId("host-member-state")).ToHaveTextAsync("in the group");
        }
        await Expect(host.ByTestId("host-in-breakouts")).ToHaveTextAsync("5");
        await Expect(host.ByTestId("host-waiting-count")).ToHaveTextAsync("0");
        // The round by its number, never its id, and the plural right.
        await Expect(host.ByTestId("host-round-info")).ToHaveTextAsync(new Regex(@"^Round 1 runs until .+ \(2 groups\)\.$"));

        var trio = groupOf.GroupBy(x => x.GroupId).Single(g => g.Count() == 3).Select(x => x.Person).ToList();
        var pair = groupOf.GroupBy(x => x.GroupId).Single(g => g.Count() == 2).Select(x => x.Person).ToList();

        // One of the three leaves: the group goes on, and lists them as left (in words).
        await trio[0].Connection.LeaveBreakout();
        await Expect(host.Member(trio[0].AttendeeId)).ToHaveAttributeAsync("data-state", "left");
        await Expect(host.Member(trio[0].AttendeeId).GetByTestId("host-member-state")).ToHaveTextAsync("left");
        await Expect(host.GroupOf(trio[1].AttendeeId).GetByTestId("host-member").Filter(new() { HasText = "in the group" })).ToHaveCountAsync(2);
        // One of the pair leaves: the other is alone, and waits.
        await pair[0].Connection.LeaveBreakout();
        await Expect(host.Waiting(pair[1].AttendeeId)).ToContainTextAsync(pair[1].Person.Name);
        await Expect(host.GroupOf(pair[1].AttendeeId)).ToHaveCountAsync(0);
        // Who left sits the rest of the round out, and the console lists them so.
        await Expect(host.ByTestId("host-sat-out").Locator($"li[data-attendee-id=\"{pair[0].AttendeeId}\"]")).ToContainTextAsync(pair[0].Person.Name);
        await AssertCountersAgreeWithTheListsAsync(host);

        // The host moves the one who waits into the group of three (two are left in it), with its select and button.
        var trioGroupId = groupOf.First(x => x.Person == trio[1]).GroupId;
        await host.Waiting(pair[1].AttendeeId).GetByTestId("host-move-target").SelectOptionAsync(trioGroupId);
        var moved = pair[1].NextBreakoutAsync(partnerId: trio[1].AttendeeId);
        await host.Waiting(pair[1].AttendeeId).GetByTestId("host-move").ClickAsync();
        await moved;
        await Expect(host.GroupOf(pair[1].AttendeeId)).ToHaveAttributeAsync("data-group-id", trioGroupId);
        await Expect(host.Member(pair[1].AttendeeId)).ToHaveAttributeAsync("data-state", "inGroup");
        await Expect(host.Waiting(pair[1].AttendeeId)).ToHaveCountAsync(0);
        await AssertCountersAgreeWithTheListsAsync(host);

        // Between rounds, everyone open waits; the host ticks two of them and pairs them now.
        await host.EndRoundAsync();
        var (one, other) = (pair[1], trio[1]);
        await Expect(host.Waiting(one.AttendeeId)).ToBeVisibleAsync();
        await Expect(host.Waiting(other.AttendeeId)).ToBeVisibleAsync();
        await Expect(host.Groups).ToHaveCountAsync(0);
        await AssertCountersAgreeWithTheListsAsync(host);
        await Expect(host.ByTestId("host-pair-now")).ToBeDisabledAsync();

        // Two who must not meet (the one who left the pair blocked the other): the server's sentence, as it words it, and no group.
        await pair[0].Connection.BlockAttendee(one.AttendeeId);
        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => hostClient.PairWaiting(one.AttendeeId, pair[0].AttendeeId));
        var sentence = refusal.Message[(refusal.Message.IndexOf("HubException: ", StringComparison.Ordinal) + "HubException: ".Length)..];
        await host.Waiting(one.AttendeeId).GetByTestId("host-pick").CheckAsync();
        await host.Waiting(pair[0].AttendeeId).GetByTestId("host-pick").CheckAsync();
        await host.ByTestId("host-pair-now").ClickAsync();
        await Expect(host.ByTestId("host-overview-error")).ToHaveTextAsync(sentence);
        await Expect(host.Groups).ToHaveCountAsync(0);

        await host.Waiting(pair[0].AttendeeId).GetByTestId("host-pick").UncheckAsync();
        await host.Waiting(other.AttendeeId).GetByTestId("host-pick").CheckAsync();
        var oneMeets = one.NextBreakoutAsync(partnerId: other.AttendeeId);
        var otherMeets = other.NextBreakoutAsync(partnerId: one.AttendeeId);
        await host.ByTestId("host-pair-now").ClickAsync();

        Assert.Equal((await oneMeets).GroupId, (await otherMeets).GroupId);
        var paired = host.GroupOf(one.AttendeeId);
        await Expect(paired).ToHaveCountAsync(1);
        await Expect(paired).ToHaveAttributeAsync("data-group-id", (await oneMeets).GroupId);
        await Expect(paired.GetByTestId("host-member")).ToHaveCountAsync(2);
        await Expect(paired).ToHaveAttributeAsync("data-kind", "coffee"); // no round runs: a chat of the coffee length
        await Expect(host.Member(other.AttendeeId)).ToContainTextAsync(other.Person.Name);
        await Expect(host.Waiting(one.AttendeeId)).ToHaveCountAsync(0);
        await Expect(host.ByTestId("host-overview-error")).ToBeHiddenAsync();
        await AssertCountersAgreeWithTheListsAsync(host);
    }

    [Fact]
    public async Task StartingARoundWithOnePersonOpenShowsTheServersSentenceAndStartsNoRound()
    {
        var ev = await Scene.CreateEventAsync(meetingMode: MeetingModes.External);
        var host = await HostConsole.OpenAsync(Scene, ev);
        await using var ann = await HubPerson.JoinAsync(Scene, ev, Person.Ann);
        await using var hostClient = await HubPerson.HostAsync(Scene, ev);
        await Expect(host.ByTestId("host-present")).ToHaveTextAsync("1");

        // Minutes, not seconds: a value out of range is explained at the field and nothing is sent.
        await host.ByTestId("host-round-duration").FillAsync("0");
        await host.ByTestId("host-start-round").ClickAsync();
        await Expect(host.ByTestId("host-round-duration-error")).ToHaveTextAsync("Enter a whole number of minutes from 1 to 60.");
        await Expect(host.ByTestId("host-round-duration")).ToHaveAttributeAsync("aria-invalid", "true");

        // What the hub answers the host (the page and this client both speak English).
        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => hostClient.StartRound(300, 2));
        var sentence = refusal.Message[(refusal.Message.IndexOf("HubException: ", StringComparison.Ordinal) + "HubException: ".Length)..];
        Assert.Contains("1", sentence, StringComparison.Ordinal);

        await host.StartRoundAsync(minutes: 5);
        await Expect(host.ByTestId("host-round-duration-error")).ToBeHiddenAsync();
        await Expect(host.ByTestId("error-message")).ToHaveTextAsync(sentence);
        await Expect(host.ByTestId("host-round-info")).ToHaveTextAsync("No round running.");
        await Expect(host.ByTestId("host-start-round")).ToBeEnabledAsync();
        Assert.Empty(ann.Breakouts);
    }

    /// <summary>The counters come from the overview's counts, and those agree with its lists (read in one go).</summary>
    private static async Task AssertCountersAgreeWithTheListsAsync(HostConsole host)
    {
        var seen = await host.Page.EvaluateAsync<int[]>("""
            () => {
              const n = (id) => Number(document.querySelector(`[data-testid="${id}"]`).textContent);
              const members = document.querySelectorAll('[data-testid="host-breakouts"] [data-testid="host-member"]:not([data-state="left"])').length;
              const waiting = document.querySelectorAll('[data-testid="host-waiting"] li[data-attendee-id]').length;
              return [n("host-in-breakouts"), members, n("host-waiting-count"), waiting];
            }
            """);
        Assert.True(seen[0] == seen[1], $"host-in-breakouts says {seen[0]}, the groups list {seen[1]} members who did not leave.");
        Assert.True(seen[2] == seen[3], $"host-waiting-count says {seen[2]}, host-waiting lists {seen[3]}.");
    }
}
