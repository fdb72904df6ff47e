using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Breakouts.RoundExpectations;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>Someone who becomes free during a round: paired with whoever waits, added to a pair, or told to wait.</summary>
public class LateJoinerTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task ALateJoinerIsPairedWithSomeoneWaiting(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var round = await live.StartRoundWhereOnlyTheyWaitAsync(host, ann);
        await ann.BreakoutWaiting.WaitForAny();

        var (bob, bobJoin) = await live.JoinAsync("Bob");

        var bobs = await bob.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        var anns = await ann.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        Assert.Equal(Ids(ann), bobs.PartnerIds());
        Assert.Equal(Ids(bob), anns.PartnerIds());
        Assert.Equal(anns.GroupId, bobs.GroupId);
        Assert.Equal(round.EndsAt, bobs.EndsAt);
        // Join() already knows: a client need not wait for the push to show the breakout.
        Assert.Equal(bobs.GroupId, bobJoin.Breakout?.GroupId);
        Assert.Equal(round.RoundId, bobJoin.Round?.RoundId);
    }

    [Fact]
    public async Task SomeoneWhoSetsThemselvesAvailableDuringARoundIsPairedWithSomeoneWaiting()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        await bob.Connection.SetAvailable(false);
        var round = await live.StartRoundWhereOnlyTheyWaitAsync(host, ann);
        await ann.BreakoutWaiting.WaitForAny();

        await bob.Connection.SetAvailable(true);

        Assert.Equal(Ids(ann), (await bob.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId)).PartnerIds());
        Assert.Equal(Ids(bob), (await ann.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId)).PartnerIds());
    }

    [Fact]
    public async Task TwoPeopleWhoBecomeFreeAtTheSameMomentArePairedWithEachOther()
    {
        // Several times, because the two calls overlap differently each time: each must find the other.
        for (var run = 0; run < 4; run++)
        {
            await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
            var (host, _) = await live.JoinAsHostAsync();
            await live.JoinAllAsync("Ann", "Bob", "Cas");
            var (dirk, _) = await live.JoinAsync("Dirk");
            var (eva, _) = await live.JoinAsync("Eva");
            await Task.WhenAll(dirk.Connection.SetAvailable(false), eva.Connection.SetAvailable(false));
            var round = await host.Connection.StartRound(600, 2);

            await Task.WhenAll(dirk.Connection.SetAvailable(true), eva.Connection.SetAvailable(true));

            Assert.Equal(Ids(eva), (await dirk.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId)).PartnerIds());
            Assert.Equal(Ids(dirk), (await eva.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId)).PartnerIds());
        }
    }

    [Fact]
    public async Task WithNobodyWaitingALateJoinerMakesAPairATripleWhileMoreThanHalfTheRoundIsLeft()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var attendees = await live.JoinAllAsync("Ann", "Bob", "Cas", "Dirk");
        var round = await host.Connection.StartRound(600, 2);
        var before = await attendees.AssignmentsAsync(round.RoundId);

        var (eva, _) = await live.JoinAsync("Eva", "Eva BV");

        var evas = await eva.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        Assert.Equal(2, evas.Partners.Length);
        Assert.Equal(round.EndsAt, evas.EndsAt);
        var pair = evas.Partners.Select(p => attendees.With(p.Id)).ToArray();
        foreach (var member in pair)
        {
            // The pair hears of the newcomer as a new BreakoutStarted for the same group.
            var updated = await member.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId && a.Partners.Length == 2);
            Assert.Equal(evas.GroupId, updated.GroupId);
            Assert.Equal(before[member.AttendeeId].GroupId, updated.GroupId);
            Assert.Contains(eva.AttendeeId, updated.PartnerIds());
        }
        var others = attendees.Except(pair).ToList();
        await host.Connection.Announce("marker");
        await Task.WhenAll(others.Select(o => o.Announcements.WaitForAny()));
        Assert.All(others, o => Assert.Single(o.BreakoutStarted.Items));
    }

    [Fact]
    public async Task WithLessThanHalfTheRoundLeftALateJoinerWaits()
    {
        await using var ev = await ClockedEvent.CreateAsync();
        var (host, _) = await ev.Live.JoinAsHostAsync();
        var pair = await ev.Live.JoinAllAsync("Ann", "Bob");
        var cas = await ev.RegisterAsync("Cas");
        var round = await host.Connection.StartRound(600, 2);
        await pair.AssignmentsAsync(round.RoundId);

        ev.AdvanceTo(round.EndsAt - 300_000 + 1);
        var (casClient, casJoin) = await ev.ConnectAsync(cas.AttendeeId, cas.Token);

        Assert.Equal(round.EndsAt, (await casClient.BreakoutWaiting.WaitForAny()).EndsAt);
        Assert.Null(casJoin.Breakout);
        Assert.Empty(casClient.BreakoutStarted.Items);
        await host.Connection.Announce("marker");
        await Task.WhenAll(pair.Select(p => p.Announcements.WaitForAny()));
        Assert.All(pair, p => Assert.Single(p.BreakoutStarted.Items));
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class LateJoinerOnRedisTests(RedisNetwerkLiveFactory factory) : LateJoinerTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
