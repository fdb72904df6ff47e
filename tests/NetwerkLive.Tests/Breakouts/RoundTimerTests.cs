using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// The round's timer on a fake clock: the warning a minute before the end, the end itself, and what
/// may happen after. Each test has a server of its own, as its clock moves on.
/// </summary>
public class RoundTimerTests
{
    /// <summary>Whether each test's own server runs in Redis mode.</summary>
    protected virtual bool OnRedis => false;

    private const int Duration = 120;
    private const long Minute = 60_000;

    [Fact]
    public async Task EveryParticipantIsWarnedOneMinuteBeforeTheEndAndNotEarlier()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var attendees = await ev.Live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk", "Eva");
        var round = await host.Connection.StartRound(Duration, 2);
        var assignments = await attendees.AssignmentsAsync(round.RoundId);

        ev.AdvanceTo(round.EndsAt - Minute - 1);
        // An announcement goes out after anything the timer sent; once it arrived, a warning would have too.
        await host.Connection.Announce("Nog even");
        await Task.WhenAll(attendees.Select(a => a.Announcements.WaitForAny()));
        Assert.All(attendees, a => Assert.Empty(a.BreakoutEnding.Items));

        ev.AdvanceTo(round.EndsAt - Minute);

        foreach (var attendee in attendees)
        {
            var warning = await attendee.BreakoutEnding.WaitForAny();
            Assert.Equal(new BreakoutTimeNotice(round.RoundId, assignments[attendee.AttendeeId].GroupId, round.EndsAt), warning);
        }
    }

    [Fact]
    public async Task AOneMinuteRoundIsNotWarnedAtItsStartButStillEnds()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var attendees = await ev.Live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk");
        var round = await host.Connection.StartRound(60, 2);
        await attendees.AssignmentsAsync(round.RoundId);

        ev.AdvanceTo(round.EndsAt - 1);
        // An announcement goes out after anything the timer sent; once it arrived, a warning would have too.
        await host.Connection.Announce("Nog even");
        await Task.WhenAll(attendees.Select(a => a.Announcements.WaitForAny()));
        Assert.All(attendees, a => Assert.Empty(a.BreakoutEnding.Items));

        ev.AdvanceTo(round.EndsAt);

        await Task.WhenAll(attendees.Select(a => a.BreakoutEnded.WaitForAny()));
        Assert.All(attendees, a => Assert.Empty(a.BreakoutEnding.Items));
    }

    [Fact]
    public async Task AtTheEndParticipantsAreToldTheirBreakoutEndedAndEveryoneThatTheRoundEnded()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var attendees = await ev.Live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk", "Eva");
        var (away, _) = await ev.Live.JoinAsync("Fien");
        await away.Connection.SetAvailable(false);
        var round = await host.Connection.StartRound(Duration, 2);
        var assignments = await attendees.AssignmentsAsync(round.RoundId);
        ev.AdvanceTo(round.EndsAt - Minute);
        await Task.WhenAll(attendees.Select(a => a.BreakoutEnding.WaitForAny()));

        ev.AdvanceTo(round.EndsAt);

        foreach (var attendee in attendees)
        {
            Assert.Equal(new BreakoutEndedNotice(round.RoundId, assignments[attendee.AttendeeId].GroupId), await attendee.BreakoutEnded.WaitForAny());
        }
        foreach (var client in attendees.Append(host).Append(away))
        {
            Assert.Equal(new RoundEndedNotice(round.RoundId), await client.RoundEnded.WaitForAny());
        }
        Assert.Empty(away.BreakoutEnded.Items);
        Assert.Null((await attendees[0].Connection.Join()).Round);
    }

    [Fact]
    public async Task OnceTheTimerHasEndedTheRoundTheHostCanStartANewOne()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var attendees = await ev.Live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk");
        var first = await host.Connection.StartRound(Duration, 2);

        ev.AdvanceTo(first.EndsAt);
        await host.RoundEnded.WaitFor(r => r.RoundId == first.RoundId);
        var second = await host.Connection.StartRound(Duration, 2);

        Assert.NotEqual(first.RoundId, second.RoundId);
        Assert.Equal(4, second.ParticipantCount);
        await attendees.AssignmentsAsync(second.RoundId);
    }

    [Fact]
    public async Task TheRoundOutlivesTheHostsConnectionAndItsTimerStillEndsIt()
    {
        await using var ev = await ClockedEvent.CreateAsync(onRedis: OnRedis);
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var attendees = await ev.Live.JoinAllAsync("Ann", "Bob", "Cas");
        var round = await host.Connection.StartRound(Duration, 2);
        await attendees.AssignmentsAsync(round.RoundId);

        await ev.DropAsync(host);
        // Well past the presence grace and the breakout reconnect grace: the host is gone for good.
        ev.AdvanceTo(round.EndsAt - Minute);
        await Task.WhenAll(attendees.Select(a => a.BreakoutEnding.WaitFor(n => n.RoundId == round.RoundId)));
        ev.AdvanceTo(round.EndsAt);

        await Task.WhenAll(attendees.Select(a => a.BreakoutEnded.WaitFor(n => n.RoundId == round.RoundId)));
        await Task.WhenAll(attendees.Select(a => a.RoundEnded.WaitFor(n => n.RoundId == round.RoundId)));
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper), still on the fake clock.</summary>
public sealed class RoundTimerOnRedisTests : RoundTimerTests
{
    protected override bool OnRedis => true;
}
