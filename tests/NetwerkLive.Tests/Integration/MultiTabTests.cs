using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

/// <summary>An attendee with several connections (browser tabs) is one attendee.</summary>
public sealed class MultiTabTests(DisconnectProbeFactory factory) : IClassFixture<DisconnectProbeFactory>
{
    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task TwoTabsWithOneTokenCountAsOneAttendee(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var ann = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");

        var (_, secondTab) = await live.OpenTabAsync(bob);

        Assert.Equal(2, secondTab.AttendeeCount);
        Assert.Single(secondTab.Attendees, a => a.Id == bob.AttendeeId);
        Assert.Equal(2, (await live.GetAsync()).AttendeeCount);
        await ann.Client.Presence.WaitFor(p => p.AttendeeCount == 2);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ASecondTabSharesTheFirstTabsJoinTime(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, annJoin) = await live.JoinAsync("Ann");

        var (_, secondTab) = await live.OpenTabAsync(ann);

        Assert.Equal(annJoin.Self.JoinedAt, secondTab.Self.JoinedAt);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ClosingOneOfTwoTabsKeepsTheAttendeeInTheRoom(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (bob, _) = await live.JoinAsync("Bob");
        var (secondTab, _) = await live.OpenTabAsync(bob);

        await secondTab.Connection.StopAsync();
        await factory.Disconnected.WaitFor(id => id == bob.AttendeeId);

        Assert.Equal(1, (await live.GetAsync()).AttendeeCount);
        var (_, casJoin) = await live.JoinAsync("Cas");
        Assert.Contains(casJoin.Attendees, a => a.Id == bob.AttendeeId);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ClosingTheLastTabMakesTheAttendeeLeave(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var ann = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        var (secondTab, _) = await live.OpenTabAsync(bob);

        await secondTab.Connection.StopAsync();
        await bob.Connection.StopAsync();

        var left = await ann.Client.WaitUntilSeesLeft(bob.AttendeeId);
        Assert.Equal(1, left.AttendeeCount);
    }
}
