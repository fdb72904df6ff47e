using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

public class BreakoutSmokeTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    [Fact]
    public async Task FiveAttendeesArePlacedInAPairAndATripleAndTheHostEndsTheRound()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var attendees = new List<TestClient>();
        foreach (var name in new[] { "Ann", "Bob", "Cas", "Dee", "Eva" })
        {
            attendees.Add((await live.JoinAsync(name, company: name + " BV")).Client);
        }

        var round = await host.Connection.StartRound(60, 2);

        Assert.Equal(2, round.GroupCount);
        Assert.Equal(5, round.ParticipantCount);
        var assignments = await Task.WhenAll(attendees.Select(a => a.BreakoutStarted.WaitForAny()));
        Assert.All(assignments, a => Assert.Equal(round.RoundId, a.RoundId));
        Assert.Equal([2, 3], assignments.GroupBy(a => a.GroupId).Select(g => g.Count()).Order().ToArray());
        await host.RoundStarted.WaitFor(r => r.RoundId == round.RoundId);

        await host.Connection.EndRound();

        await Task.WhenAll(attendees.Select(a => a.BreakoutEnded.WaitFor(e => e.RoundId == round.RoundId)));
        await host.RoundEnded.WaitFor(r => r.RoundId == round.RoundId);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class BreakoutSmokeOnRedisTests(RedisNetwerkLiveFactory factory) : BreakoutSmokeTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
