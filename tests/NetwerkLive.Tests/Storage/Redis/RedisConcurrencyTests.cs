using Microsoft.Extensions.Options;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage.Redis;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Storage.Redis;

/// <summary>Optimistic concurrency and counters hold across nodes (separate connections), not just threads.</summary>
public sealed class RedisConcurrencyTests
{
    private readonly string _eventId = Ids.NewEventId();

    [Fact]
    public async Task ManyConcurrentUpdatesOnOneNodeNeverLoseAnIncrement()
    {
        var (connection, gate) = RedisServer.Connect(RedisServer.Instance.NewOptions());
        await using var _ = connection;
        var store = new RedisBreakoutStore(connection, gate, RedisServer.Expiry(connection, gate));

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => store.UpdateAsync(_eventId, state => ++state.RoundCounter))));

        var saved = await store.GetAsync(_eventId);
        Assert.Equal(50, saved.RoundCounter);
        Assert.Equal(50, saved.Version);
    }

    [Fact]
    public async Task ConcurrentUpdatesFromTwoNodesNeverLoseAnIncrement()
    {
        var options = RedisServer.Instance.NewOptions();
        var (first, firstGate) = RedisServer.Connect(options);
        var (second, secondGate) = RedisServer.Connect(options);
        await using var a = first;
        await using var b = second;
        RedisBreakoutStore[] stores = [new(first, firstGate, RedisServer.Expiry(first, firstGate)), new(second, secondGate, RedisServer.Expiry(second, secondGate))];

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => stores[i % 2].UpdateAsync(_eventId, state => ++state.RoundCounter))));

        var saved = await stores[0].GetAsync(_eventId);
        Assert.Equal(50, saved.RoundCounter);
        Assert.Equal(50, saved.Version);
    }

    [Fact]
    public async Task ConcurrentAppendsFromTwoNodesGetGapFreeSeqs()
    {
        const int PerNode = 500;
        var options = RedisServer.Instance.NewOptions();
        var room = Options.Create(new RoomOptions { ChatRetention = 2 * PerNode });
        var (first, firstGate) = RedisServer.Connect(options);
        var (second, secondGate) = RedisServer.Connect(options);
        await using var a = first;
        await using var b = second;
        RedisChatStore[] stores = [new(first, firstGate, room, RedisServer.Expiry(first, firstGate)), new(second, secondGate, room, RedisServer.Expiry(second, secondGate))];

        var batches = await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            var seqs = new List<long>(PerNode);
            for (var i = 0; i < PerNode; i++)
            {
                seqs.Add((await store.AppendAsync(_eventId, "sender", "Ann", $"message {i}", sentAt: 1_000)).Seq);
            }
            return seqs;
        })));

        Assert.Equal(Enumerable.Range(1, 2 * PerNode).Select(i => (long)i), batches.SelectMany(s => s).Order());
        var stored = await stores[1].GetSinceAsync(_eventId, afterSeq: 0, limit: 2 * PerNode);
        Assert.Equal(Enumerable.Range(1, 2 * PerNode).Select(i => (long)i), stored.Select(m => m.Seq));
    }
}
