using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>The host giving the whole round more time.</summary>
public sealed class RoundExtensionTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const long Minute = 60_000;

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ExtendingTheRoundTellsEveryParticipantTheNewEnd(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var attendees = await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk", "Eva");
        var round = await host.Connection.StartRound(600, 2);
        var assignments = await attendees.AssignmentsAsync(round.RoundId);

        var extended = await host.Connection.ExtendRound(120);

        Assert.Equal(round with { EndsAt = round.EndsAt + 120_000 }, extended);
        foreach (var attendee in attendees)
        {
            var notice = await attendee.BreakoutExtended.WaitForAny();
            Assert.Equal(new BreakoutTimeNotice(round.RoundId, assignments[attendee.AttendeeId].GroupId, extended.EndsAt), notice);
        }
        var rejoin = await attendees[0].Connection.Join();
        Assert.Equal(extended.EndsAt, rejoin.Round?.EndsAt);
        Assert.Equal(extended.EndsAt, rejoin.Breakout?.EndsAt);
    }

    [Fact]
    public async Task AfterAnExtensionTheTimerEndsTheRoundAtTheNewTimeNotTheOld()
    {
        await using var ev = await ClockedEvent.CreateAsync();
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var attendees = await ev.Live.JoinAllAsync("Ann", "Bob");
        var round = await host.Connection.StartRound(120, 2);
        await attendees.AssignmentsAsync(round.RoundId);
        var extended = await host.Connection.ExtendRound(120);

        ev.AdvanceTo(round.EndsAt);
        ev.AdvanceTo(extended.EndsAt - Minute);

        // Still in their breakout after the old end: warned about the new one, and about no other.
        await Task.WhenAll(attendees.Select(a => a.BreakoutEnding.WaitForAny()));
        Assert.All(attendees, a => Assert.Equal([extended.EndsAt], a.BreakoutEnding.Items.Select(n => n.EndsAt)));
        Assert.All(attendees, a => Assert.Empty(a.BreakoutEnded.Items));
        Assert.Empty(host.RoundEnded.Items);

        ev.AdvanceTo(extended.EndsAt);

        await Task.WhenAll(attendees.Select(a => a.BreakoutEnded.WaitFor(n => n.RoundId == round.RoundId)));
        await host.RoundEnded.WaitFor(r => r.RoundId == round.RoundId);
    }

    [Fact]
    public async Task ExtendingAfterTheWarningWarnsAgainBeforeTheNewEnd()
    {
        await using var ev = await ClockedEvent.CreateAsync();
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var attendees = await ev.Live.JoinAllAsync("Ann", "Bob");
        var round = await host.Connection.StartRound(120, 2);
        ev.AdvanceTo(round.EndsAt - Minute);
        await Task.WhenAll(attendees.Select(a => a.BreakoutEnding.WaitFor(n => n.EndsAt == round.EndsAt)));

        var extended = await host.Connection.ExtendRound(300);
        ev.AdvanceTo(extended.EndsAt - Minute);

        await Task.WhenAll(attendees.Select(a => a.BreakoutEnding.WaitFor(n => n.EndsAt == extended.EndsAt)));
    }
}
