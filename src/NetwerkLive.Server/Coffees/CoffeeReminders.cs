using Microsoft.Extensions.Options;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Coffees;

/// <summary>
/// Sends each agreed coffee's <c>CoffeeReminder</c> once, at its roomOpensAt. One <see cref="TimeProvider"/> timer per
/// node, set to the earliest reminder due in the shared index (and no later than <see cref="CoffeeOptions.ReminderSweep"/>
/// from now, to find coffees agreed on other nodes); a coffee agreed here wakes it for its own time. Every node may find
/// the same reminder due: claiming it is an atomic store update that marks it sent, so only one node sends it.
/// </summary>
public sealed class CoffeeReminders(ICoffeeStore store, CoffeeNotifier notifier, TimeProvider time, IOptions<CoffeeOptions> options,
    ILogger<CoffeeReminders> logger) : IHostedService, IDisposable
{
    private const int BatchSize = 100;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private long _armedFor = long.MaxValue;

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _timer = time.CreateTimer(_ => _ = RunAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        WakeAt(Now);
        return Task.CompletedTask;
    }

    /// <summary>Makes sure the timer fires no later than <paramref name="at"/> (epoch ms).</summary>
    public void WakeAt(long at)
    {
        lock (_gate)
        {
            if (_timer is null || at >= _armedFor)
            {
                return;
            }
            _armedFor = at;
            _timer.Change(TimeSpan.FromMilliseconds(Math.Max(0, at - Now)), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Sends what is due now, then sets the timer for the next.</summary>
    public async Task RunAsync()
    {
        lock (_gate)
        {
            _armedFor = long.MaxValue;
        }
        var now = Now;
        long? next = null;
        try
        {
            foreach (var due in await store.GetDueRemindersAsync(now, BatchSize))
            {
                await ClaimAndSendAsync(due, now);
            }
            next = await store.NextReminderAtAsync();
        }
        catch (Exception ex)
        {
            CoffeeLog.RemindersFailed(logger, ex);
        }
        var sweep = now + (long)options.Value.ReminderSweep.TotalMilliseconds;
        WakeAt(next is { } at && at > now ? Math.Min(at, sweep) : sweep);
    }

    private async Task ClaimAndSendAsync(CoffeeDue due, long now)
    {
        var claimed = await store.UpdateAsync(due.EventId, book =>
        {
            if (book.Dates.GetValueOrDefault(due.DateId) is not { ReminderDue: true } coffee || coffee.RoomOpensAt > now)
            {
                return null;
            }
            coffee.Reminded = true;
            return coffee;
        });
        if (claimed is not null)
        {
            await notifier.RemindAsync(due.EventId, claimed, now);
            CoffeeLog.Reminded(logger, due.EventId, due.DateId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();
}
