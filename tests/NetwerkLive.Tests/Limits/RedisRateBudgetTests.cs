using NetwerkLive.Server.Limits;
using NetwerkLive.Tests.Infrastructure;
using NetwerkLive.Server.Storage.Redis;
using StackExchange.Redis;

namespace NetwerkLive.Tests.Limits;

/// <summary>The budgets on real Redis (the same contract), with the time still from the fake clock.</summary>
public sealed class RedisRateBudgetTests : RateBudgetContract
{
    private static readonly Lazy<(RedisConnection Connection, RedisGate Gate)> Node =
        new(() => RedisServer.Connect(RedisServer.Instance.NewOptions()));

    private readonly RedisRateBudgets _budgets;

    public RedisRateBudgetTests()
    {
        _budgets = new RedisRateBudgets(Node.Value.Connection, Node.Value.Gate, Time);
    }

    protected override IRateBudgets Budgets => _budgets;

    [Fact]
    public async Task ABucketExpiresOnceItWouldBeFullAgain()
    {
        await TakeAllAsync(Ann);

        var key = Node.Value.Connection.Key(RedisRateBudgets.KeyPrefix + Chat.Name + ":" + Ann);
        var ttl = await (await Node.Value.Connection.GetDatabaseAsync()).KeyTimeToLiveAsync(key);

        // Five tokens short at one per second: full again in 5 s, kept a second longer.
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6));
    }
}
