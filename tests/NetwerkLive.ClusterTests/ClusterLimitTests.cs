using System.Net;
using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.ClusterTests.Infrastructure;
using NetwerkLive.Contracts;

namespace NetwerkLive.ClusterTests;

/// <summary>
/// Two nodes on one Redis with the limits at their defaults, but with hour-long chat, call and call-signal windows, so
/// that nothing refills while a test runs however slow the machine: each count below is exact.
/// </summary>
public sealed class LimitCluster : IAsyncLifetime
{
    private Cluster? _cluster;

    public ClusterNode A => _cluster![0];

    public ClusterNode B => _cluster![1];

    public async Task InitializeAsync() => _cluster = await Cluster.StartAsync(2, new Dictionary<string, string>
    {
        ["Room:ChatMessagesPerWindow"] = "5",
        ["Room:ChatWindow"] = "01:00:00",
        ["Limits:ChatMessagesPerClientPerWindow"] = "15",
        ["Limits:HubCallsPerWindow"] = "60",
        ["Limits:HubCallWindow"] = "01:00:00",
        ["Limits:RegistrationsPerClientPerEventPerHour"] = "30",
        ["Video:SignalsPerWindow"] = "6",
        ["Video:SignalWindow"] = "01:00:00",
    });

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

/// <summary>Budgets and caps that hold for a token or a client on every node together, not on each.</summary>
public sealed class ClusterLimitTests(LimitCluster nodes) : IClassFixture<LimitCluster>
{
    [Fact]
    public async Task OneTokenOnTwoNodesGetsOneChatBudget()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (onA, _) = await live.JoinAsync(nodes.A, "Ann");
        var (onB, _) = await live.OpenTabAsync(nodes.B, onA);

        var accepted = 0;
        for (var i = 0; i < 10; i++)
        {
            try
            {
                await (i % 2 == 0 ? onA : onB).Connection.SendChat($"Bericht {i}");
                accepted++;
            }
            catch (HubException ex) when (ex.Message.Contains("You are sending messages too quickly", StringComparison.Ordinal))
            {
            }
        }

        Assert.Equal(5, accepted);
    }

    [Fact]
    public async Task OneTokenOnTwoNodesGetsOneHubCallBudget()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (onA, _) = await live.JoinAsync(nodes.A, "Bob");
        var (onB, _) = await live.OpenTabAsync(nodes.B, onA);

        var passed = 0;
        HubException? refusal = null;
        for (var i = 0; i < 200 && refusal is null; i++)
        {
            try
            {
                await (i % 2 == 0 ? onA : onB).Connection.GetChatSince(0, 10);
                passed++;
            }
            catch (HubException ex)
            {
                refusal = ex;
            }
        }

        // Two Joins (5 each) took 10 of the 60; on per-node budgets 110 would pass.
        Assert.Equal(50, passed);
        Assert.Contains("You are doing things too quickly.", refusal?.Message);
    }

    [Fact]
    public async Task OneTokenOnTwoNodesGetsOneCallSignalBudget()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (host, _) = await live.JoinAsHostAsync(nodes.A);
        var (onA, _) = await live.JoinAsync(nodes.A, "Dewi");
        var (onB, _) = await live.OpenTabAsync(nodes.B, onA);
        var (partner, _) = await live.JoinAsync(nodes.B, "Eva");
        var round = await host.Connection.StartRound(60, 2);
        var group = await partner.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);

        var passed = 0;
        for (var i = 0; i < 12; i++)
        {
            try
            {
                await (i % 2 == 0 ? onA : onB).Connection.SendCallSignal(group.GroupId, partner.AttendeeId, $"candidate {i}");
                passed++;
            }
            catch (HubException ex) when (ex.Message.Contains("Your call is sending too many messages.", StringComparison.Ordinal))
            {
            }
        }

        // Video:SignalsPerWindow is 6 for the two nodes together; on per-node budgets all 12 would pass.
        Assert.Equal(6, passed);
        await host.Connection.EndRound();
    }

    [Fact]
    public async Task OneTokenHoldsAtMostFiveConnectionsOnAllNodesTogether()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.B);
        var (cas, _) = await live.JoinAsync(nodes.A, "Cas");
        await live.OpenTabAsync(nodes.A, cas);
        await live.OpenTabAsync(nodes.A, cas);
        await live.OpenTabAsync(nodes.B, cas);
        await live.OpenTabAsync(nodes.B, cas);

        var sixth = live.Unstarted(nodes.B, cas.AttendeeId, cas.Token);
        string refusal;
        try
        {
            await sixth.Connection.StartAsync();
            refusal = (await sixth.Closed.WaitForAny())?.Message ?? "closed without an error";
        }
        catch (Exception ex)
        {
            refusal = ex.Message;
        }

        Assert.Contains("This event is already open in 5 tabs or devices with your registration", refusal);
    }

    [Fact]
    public async Task RegistrationsFromOneClientForOneEventAreCountedOnAllNodesTogether()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        for (var i = 0; i < 30; i++)
        {
            await (i % 2 == 0 ? nodes.A : nodes.B).Api.RegisterAsync(live.Id, new RegisterAttendeeRequest($"Deelnemer {i}"));
        }

        var refused = await Assert.ThrowsAsync<NetwerkLiveApiException>(() =>
            nodes.B.Api.RegisterAsync(live.Id, new RegisterAttendeeRequest("Deelnemer 31")));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Too many registrations for this event come from your network: at most 30 per hour", refused.Body);
    }
}
