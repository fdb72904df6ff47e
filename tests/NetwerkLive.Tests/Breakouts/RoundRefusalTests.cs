using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>Round calls that cannot be done are refused with a HubException that says why, and the connection stays usable.</summary>
public sealed class RoundRefusalTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    [Theory]
    [InlineData(59)]
    [InlineData(3601)]
    [InlineData(0)]
    [InlineData(-60)]
    public async Task ARoundShorterThanAMinuteOrLongerThanAnHourIsRefused(int seconds)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        await live.JoinAllAsync("Ann", "Bob");

        var error = await Assert.ThrowsAsync<HubException>(() => host.Connection.StartRound(seconds, 2));

        Assert.Contains($"A round lasts between 60 and 3600 seconds; {seconds} is not allowed.", error.Message);
        await host.Connection.StartRound(60, 2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(0)]
    public async Task AGroupSizeOutsideTwoToFourIsRefused(int groupSize)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        await live.JoinAllAsync("Ann", "Bob");

        var error = await Assert.ThrowsAsync<HubException>(() => host.Connection.StartRound(600, groupSize));

        Assert.Contains($"Groups have 2 to 4 people; {groupSize} is not allowed.", error.Message);
        await host.Connection.StartRound(600, 2);
    }

    public static TheoryData<string, string> HostOnlyCalls => new()
    {
        { nameof(EventConnection.StartRound), "Only the host of this event can start a round." },
        { nameof(EventConnection.EndRound), "Only the host of this event can end a round." },
        { nameof(EventConnection.ExtendRound), "Only the host of this event can extend a round." },
        { nameof(EventConnection.BroadcastToBreakouts), "Only the host of this event can broadcast to the breakouts." },
    };

    [Theory]
    [MemberData(nameof(HostOnlyCalls))]
    public async Task AnAttendeeCannotRunRounds(string call, string explanation)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var attendees = await live.JoinAllAsync("Ann", "Bob");
        var round = await host.Connection.StartRound(600, 2);
        var ann = attendees[0];

        var error = await Assert.ThrowsAsync<HubException>(() => InvokeAsHost(ann.Connection, call));

        Assert.Contains(explanation, error.Message);
        // Nothing happened to the round, and Ann's connection still works.
        Assert.Equal(round.EndsAt, (await ann.Connection.Join()).Round?.EndsAt);
    }

    [Fact]
    public async Task StartingARoundWhileOneRunsIsRefusedAndLeavesTheRunningRoundAsItWas()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var attendees = await live.JoinAllAsync("Ann", "Bob");
        var running = await host.Connection.StartRound(600, 2);
        var assignment = await attendees[0].BreakoutStarted.WaitForAny();

        var error = await Assert.ThrowsAsync<HubException>(() => host.Connection.StartRound(600, 2));

        var until = DateTimeOffset.FromUnixTimeMilliseconds(running.EndsAt);
        Assert.Equal(HubRefusals.Message(nameof(IEventHub.StartRound),
            $"A round is already running (until {until.UtcDateTime:HH:mm:ss} UTC). End it first, or wait for it to finish."), error.Message);
        // The host's console names its zone: the same refusal in the host's own time.
        await using var console = new TestClient(factory.Connect(live.Created.HostToken, tz: "Europe/Amsterdam"), "", live.Created.HostToken);
        await console.Connection.StartAsync();
        await console.Connection.Join();
        var local = await Assert.ThrowsAsync<HubException>(() => console.Connection.StartRound(600, 2));
        var inAmsterdam = TimeZoneInfo.ConvertTime(until, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        Assert.Equal(HubRefusals.Message(nameof(IEventHub.StartRound),
            $"A round is already running (until {inAmsterdam:HH:mm:ss}). End it first, or wait for it to finish."), local.Message);
        var rejoin = await attendees[0].Connection.Join();
        Assert.Equal(running.RoundId, rejoin.Round?.RoundId);
        Assert.Equal(assignment.GroupId, rejoin.Breakout?.GroupId);
    }

    [Fact]
    public async Task EndingOrExtendingWithoutARunningRoundIsRefused()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();

        var end = await Assert.ThrowsAsync<HubException>(() => host.Connection.EndRound());
        var extend = await Assert.ThrowsAsync<HubException>(() => host.Connection.ExtendRound(60));

        Assert.Contains("No round is running, so there is nothing to end.", end.Message);
        Assert.Contains("No round is running, so there is nothing to extend.", extend.Message);
    }

    /// <summary>A host-only round call by name, with arguments the host's call would be accepted with.</summary>
    private static Task InvokeAsHost(EventConnection connection, string call) => call switch
    {
        nameof(EventConnection.StartRound) => connection.StartRound(600, 2),
        nameof(EventConnection.EndRound) => connection.EndRound(),
        nameof(EventConnection.ExtendRound) => connection.ExtendRound(60),
        nameof(EventConnection.BroadcastToBreakouts) => connection.BroadcastToBreakouts("Nog vijf minuten"),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
    };
}
