using System.Diagnostics;
using Microsoft.Extensions.Options;
using NetwerkLive.Server.Storage;
using NetwerkLive.Server.Storage.Redis;
using NetwerkLive.Tests.Infrastructure;
using Polly.CircuitBreaker;
using StackExchange.Redis;

namespace NetwerkLive.Tests.Storage.Redis;

/// <summary>A dead Redis makes store calls fail fast and clearly; real errors are not disguised as that.</summary>
public sealed class RedisGateTests
{
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromMilliseconds(300);

    // Fails fast means: well within seconds, never the client's default of about 30 s.
    private static readonly TimeSpan FailsFast = TimeSpan.FromSeconds(5);

    private static (RedisConnection Connection, RedisGate Gate) Unreachable()
    {
        var options = new Server.Cluster.RedisOptions
        {
            ConnectionString = $"127.0.0.1:{RedisServer.FreePort()}",
            OperationTimeout = OperationTimeout,
        };
        return RedisServer.Connect(options);
    }

    private static Task<RedisValue> ReadAsync(RedisConnection connection, RedisGate gate) =>
        gate.ReadAsync(async _ => await (await connection.GetDatabaseAsync()).StringGetAsync(connection.Key("anything")));

    [Fact]
    public async Task AReadAgainstAnUnreachableRedisFailsFastAsUnavailable()
    {
        var (connection, gate) = Unreachable();
        await using var _ = connection;

        var elapsed = Stopwatch.StartNew();
        await Assert.ThrowsAsync<StoreUnavailableException>(() => ReadAsync(connection, gate));

        Assert.True(elapsed.Elapsed < FailsFast, $"The read took {elapsed.Elapsed} to fail.");
    }

    [Fact]
    public async Task AWriteAgainstAnUnreachableRedisFailsFastAsUnavailable()
    {
        var (connection, gate) = Unreachable();
        await using var _ = connection;
        var store = new RedisChatStore(connection, gate, Options.Create(new Server.Events.RoomOptions()), RedisServer.Expiry(connection, gate));

        var elapsed = Stopwatch.StartNew();
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AppendAsync("event", "sender", "Ann", "hallo", 1_000));

        Assert.True(elapsed.Elapsed < FailsFast, $"The write took {elapsed.Elapsed} to fail.");
    }

    [Fact]
    public async Task AfterRepeatedFailuresTheCircuitOpensAndCallsFailAtOnce()
    {
        var (connection, gate) = Unreachable();
        await using var _ = connection;
        StoreUnavailableException? last = null;
        for (var i = 0; i < 10 && last?.InnerException is not BrokenCircuitException; i++)
        {
            last = await Assert.ThrowsAsync<StoreUnavailableException>(() => ReadAsync(connection, gate));
        }

        var elapsed = Stopwatch.StartNew();
        var open = await Assert.ThrowsAsync<StoreUnavailableException>(() => ReadAsync(connection, gate));

        Assert.IsType<BrokenCircuitException>(open.InnerException, exactMatch: false);
        Assert.True(elapsed.Elapsed < FailsFast, $"With the circuit open the call still took {elapsed.Elapsed}.");
    }

    [Fact]
    public async Task AScriptErrorIsABugNotAnOutage()
    {
        var (connection, gate) = RedisServer.Connect(RedisServer.Instance.NewOptions());
        await using var _ = connection;

        await Assert.ThrowsAsync<RedisServerException>(() =>
            gate.WriteAsync(async _ => await (await connection.GetDatabaseAsync()).ScriptEvaluateAsync("return redis.call('NOSUCHCOMMAND')")));
    }
}
