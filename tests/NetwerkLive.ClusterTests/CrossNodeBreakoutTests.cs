using Microsoft.AspNetCore.SignalR;
using NetwerkLive.ClusterTests.Infrastructure;
using NetwerkLive.Contracts;

namespace NetwerkLive.ClusterTests;

[Collection(SharedCluster.Name)]
public sealed class CrossNodeBreakoutTests(TwoNodeCluster nodes)
{
    [Fact]
    public async Task ARoundStartedThroughOneNodePairsAttendeesOfBothNodesOnce()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (host, _) = await live.JoinAsHostAsync(nodes.A);
        var attendees = await JoinAlternatingAsync(live, 6);

        var round = await host.Connection.StartRound(60, 2);

        Assert.Equal(6, round.ParticipantCount);
        Assert.Equal(3, round.GroupCount);
        await Task.WhenAll(attendees.Select(a => a.BreakoutStarted.WaitFor(b => b.RoundId == round.RoundId)));
        await Rounds.EndAndSettleAsync(host, attendees, round.RoundId);
        var groups = Rounds.Groups(attendees, round.RoundId);
        Assert.Equal(3, groups.Count);
        Assert.All(groups, g => Assert.Equal(2, g.Count));
        Assert.Equal(attendees.Select(a => a.AttendeeId).Order(StringComparer.Ordinal), groups.SelectMany(g => g).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TwoStartRoundCallsRacingOnTwoNodesStartExactlyOneRound()
    {
        await using var live = await ClusterEvent.CreateAsync(nodes.A);
        var (hostOnA, _) = await live.JoinAsHostAsync(nodes.A);
        var (hostOnB, _) = await live.JoinAsHostAsync(nodes.B);
        var attendees = await JoinAlternatingAsync(live, 4);

        var starts = new[] { hostOnA, hostOnB }.Select(h => Task.Run(() => h.Connection.StartRound(60, 2))).ToList();
        await Task.WhenAll(starts).ContinueWith(_ => { }, TaskScheduler.Default);

        var winner = Assert.Single(starts, s => s.IsCompletedSuccessfully);
        var loser = Assert.Single(starts, s => s.IsFaulted);
        var refusal = Assert.IsType<HubException>(loser.Exception!.InnerException);
        var round = await winner;
        // The refusal names the winner's round, so the loser was refused because that one runs.
        var until = DateTimeOffset.FromUnixTimeMilliseconds(round.EndsAt).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.EndsWith($"A round is already running (until {until} UTC). End it first, or wait for it to finish.", refusal.Message, StringComparison.Ordinal);
        await Task.WhenAll(attendees.Select(a => a.BreakoutStarted.WaitFor(b => b.RoundId == round.RoundId)));
        await Rounds.EndAndSettleAsync(hostOnA, attendees, round.RoundId);
        Rounds.Groups(attendees, round.RoundId);
        Assert.All(attendees, a => Assert.Single(a.BreakoutStarted.Items));
        var hosts = new[] { hostOnA, hostOnB };
        await Task.WhenAll(hosts.Select(h => h.RoundEnded.WaitFor(r => r.RoundId == round.RoundId)));
        Assert.All(hosts, h => Assert.Equal([round.RoundId], h.RoundStarted.Items.Select(r => r.RoundId)));
    }

    /// <summary>Attendees from companies of their own, on A and B in turn.</summary>
    private async Task<List<TestClient>> JoinAlternatingAsync(ClusterEvent live, int count)
    {
        var clients = new List<TestClient>();
        for (var i = 0; i < count; i++)
        {
            clients.Add((await live.JoinAsync(i % 2 == 0 ? nodes.A : nodes.B, $"Deelnemer {i + 1}")).Client);
        }
        return clients;
    }
}
