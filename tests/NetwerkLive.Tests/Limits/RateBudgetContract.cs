using Microsoft.Extensions.Time.Testing;
using NetwerkLive.Server.Limits;

namespace NetwerkLive.Tests.Limits;

/// <summary>
/// What every <see cref="IRateBudgets"/> must do, with the chat defaults: a burst of five, one more per
/// second, a full bucket again after five seconds. On a fake clock, in memory and on Redis.
/// </summary>
public abstract class RateBudgetContract
{
    protected static readonly BucketRule Chat = new("chat", 5, TimeSpan.FromSeconds(5));

    // Fresh per test, so one Redis shared by the tests of a class works too.
    protected string Ann { get; } = "ann" + Guid.NewGuid().ToString("N");

    protected string Bob { get; } = "bob" + Guid.NewGuid().ToString("N");

    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected abstract IRateBudgets Budgets { get; }

    private async Task<BudgetRefusal?> TakeAsync(params BudgetTake[] takes) => await Budgets.TryTakeAsync(takes);

    protected async Task<bool> TryTakeAsync(string key) => await TakeAsync(new BudgetTake(Chat, key)) is null;

    protected async Task<int> TakeAllAsync(string key, int tries = 20)
    {
        var passed = 0;
        for (var i = 0; i < tries; i++)
        {
            if (await TryTakeAsync(key))
            {
                passed++;
            }
        }
        return passed;
    }

    [Fact]
    public async Task FiveMessagesInABurstPass()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await TryTakeAsync(Ann), $"message {i + 1} was refused");
        }
    }

    [Fact]
    public async Task SixthMessageWithinTheWindowIsRefused()
    {
        Assert.Equal(5, await TakeAllAsync(Ann, tries: 5));

        Assert.False(await TryTakeAsync(Ann));
    }

    [Fact]
    public async Task ARefusalSaysWhichRuleAndHowLongUntilTheNextToken()
    {
        await TakeAllAsync(Ann);
        Time.Advance(TimeSpan.FromMilliseconds(400));

        var refusal = await TakeAsync(new BudgetTake(Chat, Ann));

        Assert.NotNull(refusal);
        Assert.Equal(Chat, refusal.Rule);
        Assert.Equal(TimeSpan.FromMilliseconds(600), refusal.RetryAfter);
    }

    [Fact]
    public async Task OneSecondLaterExactlyOneMoreMessagePasses()
    {
        await TakeAllAsync(Ann);

        Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, await TakeAllAsync(Ann));
    }

    [Fact]
    public async Task JustUnderOneSecondLaterNoMessagePasses()
    {
        await TakeAllAsync(Ann);

        Time.Advance(TimeSpan.FromMilliseconds(999));

        Assert.Equal(0, await TakeAllAsync(Ann));
    }

    [Fact]
    public async Task AfterAFullWindowTheWholeBurstIsBack()
    {
        await TakeAllAsync(Ann);

        Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(5, await TakeAllAsync(Ann));
    }

    [Fact]
    public async Task AWindowWhoseTokensAreNotWholeTicksStillRefillsTheWholeBurst()
    {
        // 10 s / 60 is no whole number of ticks: the burst must come back whole all the same.
        var calls = new BucketRule("calls", 60, TimeSpan.FromSeconds(10));
        for (var i = 0; i < 60; i++)
        {
            Assert.Null(await TakeAsync(new BudgetTake(calls, Ann)));
        }
        Assert.NotNull(await TakeAsync(new BudgetTake(calls, Ann)));

        Time.Advance(TimeSpan.FromSeconds(10));

        for (var i = 0; i < 60; i++)
        {
            Assert.Null(await TakeAsync(new BudgetTake(calls, Ann)));
        }
    }

    [Fact]
    public async Task AQuietAttendeeDoesNotSaveUpMoreThanOneBurst()
    {
        Assert.True(await TryTakeAsync(Ann));

        Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(5, await TakeAllAsync(Ann));
    }

    [Fact]
    public async Task KeysHaveIndependentBuckets()
    {
        await TakeAllAsync(Ann);

        Assert.Equal(5, await TakeAllAsync(Bob));
        Assert.False(await TryTakeAsync(Ann));
    }

    [Fact]
    public async Task TheSameKeyUnderAnotherRuleHasItsOwnBucket()
    {
        await TakeAllAsync(Ann);

        Assert.Null(await TakeAsync(new BudgetTake(new BucketRule("calls", 5, TimeSpan.FromSeconds(5)), Ann)));
    }

    [Fact]
    public async Task ATakeFromSeveralBucketsIsAllOrNothing()
    {
        var perClient = new BucketRule("chat-client", 2, TimeSpan.FromSeconds(5));
        var office = "office" + Ann;
        Assert.Null(await TakeAsync(new BudgetTake(Chat, Ann), new BudgetTake(perClient, office)));
        Assert.Null(await TakeAsync(new BudgetTake(Chat, Ann), new BudgetTake(perClient, office)));

        var refusal = await TakeAsync(new BudgetTake(Chat, Ann), new BudgetTake(perClient, office));

        Assert.Equal(perClient, refusal?.Rule);
        // The refused take spent nothing from Ann's own bucket: three of her five are left.
        Assert.Equal(3, await TakeAllAsync(Ann));
    }

    [Fact]
    public async Task ACostLargerThanOneTakesThatManyTokens()
    {
        Assert.Null(await TakeAsync(new BudgetTake(Chat, Ann, Cost: 4)));

        Assert.Equal(1, await TakeAllAsync(Ann));
    }
}

public sealed class InMemoryRateBudgetTests : RateBudgetContract, IDisposable
{
    private readonly InMemoryRateBudgets _budgets;

    public InMemoryRateBudgetTests()
    {
        _budgets = new InMemoryRateBudgets(Time);
    }

    protected override IRateBudgets Budgets => _budgets;

    public void Dispose() => _budgets.Dispose();

    [Fact]
    public async Task BucketsThatHaveRefilledAreSweptAtTheNextSweep()
    {
        await TakeAllAsync(Ann);
        Assert.True(await TryTakeAsync(Bob));
        Assert.Equal(2, _budgets.TrackedBuckets);

        Time.Advance(InMemoryRateBudgets.SweepInterval);

        Assert.Equal(0, _budgets.TrackedBuckets);
    }

    [Fact]
    public async Task SweepKeepsABucketThatIsStillRefilling()
    {
        Time.Advance(InMemoryRateBudgets.SweepInterval - TimeSpan.FromSeconds(1));
        await TakeAllAsync(Ann);

        // The sweep finds Ann's bucket four tokens short of full: forgetting it would hand her a new burst.
        Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, _budgets.TrackedBuckets);
        Assert.Equal(1, await TakeAllAsync(Ann));
    }
}
