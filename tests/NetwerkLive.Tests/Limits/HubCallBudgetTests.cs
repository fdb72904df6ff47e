using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Limits;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Limits;

/// <summary>
/// Every hub call takes from the attendee's budget (60 per 10 s by default, Join costs 5), on a fake clock
/// so nothing refills unless the test says so; SetAvailable also from its own (5 a minute).
/// </summary>
public sealed class HubCallBudgetTests : IAsyncLifetime, IDisposable
{
    private const string TooQuickly = "You are doing things too quickly.";

    private readonly FakeClockFactory _factory = new();
    private LiveEvent _live = null!;

    public async Task InitializeAsync()
    {
        _factory.WithDefaultLimits();
        _live = await LiveEvent.CreateAsync(_factory, HubProtocol.MessagePack);
    }

    public async Task DisposeAsync()
    {
        await _live.DisposeAsync();
    }

    // The clients are closed first (DisposeAsync); then the server.
    public void Dispose() => _factory.Dispose();

    /// <summary>Calls <paramref name="call"/> until the budget refuses it; returns how many passed and the refusal.</summary>
    private static async Task<(int Passed, HubException Refusal)> CallUntilRefusedAsync(Func<int, Task> call, int atMost = 200)
    {
        var passed = 0;
        for (var i = 0; i < atMost; i++)
        {
            try
            {
                await call(i);
                passed++;
            }
            catch (HubException ex) when (ex.Message.Contains(TooQuickly, StringComparison.Ordinal) || ex.Message.Contains("too often", StringComparison.Ordinal))
            {
                return (passed, ex);
            }
            catch (HubException)
            {
                // Refused for what it asked (not met, not in a group): the call still ran, and still cost.
                passed++;
            }
        }
        throw new Xunit.Sdk.XunitException($"{atMost} calls passed without the budget refusing one.");
    }

    [Fact]
    public void EveryHubMethodHasACostInTheTable()
    {
        var methods = typeof(IEventHub).GetMethods().Select(m => m.Name).ToHashSet();

        Assert.Equal(methods.Order(), HubCallCosts.ByMethod.Keys.Order());
        // SendCallSignal alone costs nothing here: it has a budget of its own (Video:SignalsPerWindow).
        Assert.All(HubCallCosts.ByMethod.Where(m => m.Key != nameof(IEventHub.SendCallSignal)).Select(m => m.Value), cost => Assert.InRange(cost, 1, 5));
        Assert.Equal(0, HubCallCosts.Of(nameof(IEventHub.SendCallSignal)));
    }

    [Fact]
    public async Task SetAvailableFlappingIsRefusedAfterFiveChangesAMinute()
    {
        var (bob, _) = await _live.JoinAsync("Bob");

        var (passed, refusal) = await CallUntilRefusedAsync(i => bob.Connection.SetAvailable(i % 2 == 1));

        Assert.Equal(5, passed);
        Assert.Contains("You are switching between open and not open for networking too often: at most 5 times per 60 seconds. Wait 12 seconds", refusal.Message);
    }

    [Fact]
    public async Task TwelveSecondsLaterOneMoreAvailabilityChangePasses()
    {
        var (bob, _) = await _live.JoinAsync("Bob");
        await CallUntilRefusedAsync(i => bob.Connection.SetAvailable(i % 2 == 1));

        _factory.Clock.Advance(TimeSpan.FromSeconds(12));
        var (passed, _) = await CallUntilRefusedAsync(i => bob.Connection.SetAvailable(i % 2 == 1));

        Assert.Equal(1, passed);
    }

    [Theory]
    [InlineData(nameof(IEventHub.GetChatSince), 1)]
    [InlineData(nameof(IEventHub.BlockAttendee), 2)]
    [InlineData(nameof(IEventHub.RequestFollowUp), 2)]
    [InlineData(nameof(IEventHub.FindCoffeePartner), 3)]
    [InlineData(nameof(IEventHub.LeaveCoffeeQueue), 2)]
    [InlineData(nameof(IEventHub.LeaveBreakout), 2)]
    public async Task AFloodOfOneMethodRunsOutOfTheCallBudget(string method, int cost)
    {
        var (ann, _) = await _live.JoinAsync("Ann");
        var (bob, _) = await _live.JoinAsync("Bob");
        object?[] args = method switch
        {
            nameof(IEventHub.GetChatSince) => [0L, 50],
            nameof(IEventHub.BlockAttendee) or nameof(IEventHub.RequestFollowUp) => [ann.AttendeeId],
            _ => [],
        };

        var (passed, refusal) = await CallUntilRefusedAsync(_ => bob.Connection.Connection.InvokeCoreAsync(method, typeof(object), args));

        // Join took 5 of the 60.
        Assert.Equal(55 / cost, passed);
        Assert.Contains(TooQuickly, refusal.Message);
        Assert.EndsWith("nothing was changed.", refusal.Message);
    }

    [Fact]
    public async Task TheCallBudgetIsWholeAgainAfterItsWindow()
    {
        var (bob, _) = await _live.JoinAsync("Bob");
        await CallUntilRefusedAsync(_ => bob.Connection.GetChatSince(0, 50));

        _factory.Clock.Advance(TimeSpan.FromSeconds(10));
        var (passed, _) = await CallUntilRefusedAsync(_ => bob.Connection.GetChatSince(0, 50));

        Assert.Equal(60, passed);
    }

    [Fact]
    public async Task OneAttendeesFloodLeavesAnotherAttendeesBudgetAlone()
    {
        var (ann, _) = await _live.JoinAsync("Ann");
        var (bob, _) = await _live.JoinAsync("Bob");
        await CallUntilRefusedAsync(_ => bob.Connection.GetChatSince(0, 50));

        var (passed, _) = await CallUntilRefusedAsync(_ => ann.Connection.GetChatSince(0, 50));

        Assert.Equal(55, passed);
    }

    [Fact]
    public async Task AllTabsOfOneAttendeeShareOneBudget()
    {
        var (bob, _) = await _live.JoinAsync("Bob");
        var (secondTab, _) = await _live.OpenTabAsync(bob);
        var (passedFirst, _) = await CallUntilRefusedAsync(_ => bob.Connection.GetChatSince(0, 50));

        var (passedSecond, refusal) = await CallUntilRefusedAsync(_ => secondTab.Connection.GetChatSince(0, 50));

        // Two Joins took 10 of the 60.
        Assert.Equal(50, passedFirst);
        Assert.Equal(0, passedSecond);
        Assert.Contains(TooQuickly, refusal.Message);
    }
}
