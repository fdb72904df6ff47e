using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Breakouts.Pairing;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Coffees;

/// <summary>
/// Planning the coffee of a mutual follow-up: made when the follow-up becomes mutual, times proposed and accepted,
/// cancelled (by either, or by a block). Each change is one atomic store update running <see cref="CoffeeRules"/>, then
/// the pushes to both. A coffee between people one of whom blocked the other is, to both, a coffee that does not exist.
/// </summary>
public sealed class CoffeeService(ICoffeeStore store, IEventStore events, IBreakoutStore breakouts, CoffeeNotifier notifier, CoffeeReminders reminders,
    TimeProvider time, IOptions<CoffeeOptions> options, ILogger<CoffeeService> logger)
{
    private const string DatePrefix = "date-";

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The follow-up between the two became mutual: they get their coffee (once per pair), state open.</summary>
    public async Task MutualAsync(AttendeeRecord a, AttendeeRecord b)
    {
        var now = Now;
        var made = await store.UpdateAsync(a.EventId, book =>
        {
            if (book.Between(a.AttendeeId, b.AttendeeId) is not null)
            {
                return null;
            }
            var coffee = new CoffeeRecord { DateId = DatePrefix + Ids.New(12), A = a.AttendeeId, B = b.AttendeeId, MadeAt = now };
            book.Dates[coffee.DateId] = coffee;
            return coffee;
        });
        if (made is not null)
        {
            await notifier.ChangedAsync(a.EventId, made, a.AttendeeId, now);
            CoffeeLog.Made(logger, a.EventId, made.DateId);
        }
    }

    public async Task<CoffeeDate> ProposeAsync(RoomMember member, string? dateId, long[]? times)
    {
        var (_, coffee, _) = await PartyAsync(member, dateId);
        var now = Now;
        var saved = await ChangeAsync(member, coffee.DateId, c => CoffeeRules.Propose(c, member.AttendeeId, times ?? [], now));
        return await notifier.ChangedAsync(member.EventId, saved, member.AttendeeId, now);
    }

    public async Task<CoffeeDate> AcceptAsync(RoomMember member, string? dateId, long time)
    {
        var (_, coffee, other) = await PartyAsync(member, dateId);
        var now = Now;
        var saved = await ChangeAsync(member, coffee.DateId, c => CoffeeRules.Accept(c, member.AttendeeId, time, now, options.Value, other.DisplayName));
        reminders.WakeAt(saved.RoomOpensAt!.Value);
        await events.KeepUntilAsync(member.EventId, saved.EndsAt!.Value); // up to 60 days ahead: past the retention
        CoffeeLog.Agreed(logger, member.EventId, saved.DateId);
        return await notifier.ChangedAsync(member.EventId, saved, member.AttendeeId, now);
    }

    public async Task CancelAsync(RoomMember member, string? dateId)
    {
        var (_, coffee, _) = await PartyAsync(member, dateId);
        var now = Now;
        var saved = await ChangeAsync(member, coffee.DateId, c => CoffeeRules.Cancel(c, member.AttendeeId, now));
        CoffeeLog.Cancelled(logger, member.EventId, saved.DateId);
        await notifier.ChangedAsync(member.EventId, saved, member.AttendeeId, now);
    }

    /// <summary>
    /// <paramref name="blocker"/> blocked <paramref name="blocked"/>: their coffee is cancelled as if the blocker had cancelled
    /// it, and only the blocked one is told (the blocker no longer sees it at all).
    /// </summary>
    public async Task BlockedAsync(AttendeeRecord blocker, AttendeeRecord blocked)
    {
        var now = Now;
        var cancelled = await store.UpdateAsync(blocker.EventId, book =>
        {
            if (book.Between(blocker.AttendeeId, blocked.AttendeeId) is not { Cancelled: false } coffee ||
                CoffeeRules.StateAt(coffee, now) is CoffeeDateStates.Held or CoffeeDateStates.Missed)
            {
                return null;
            }
            CoffeeRules.Cancel(coffee, blocker.AttendeeId, now);
            return coffee;
        });
        if (cancelled is not null)
        {
            await notifier.ChangedForAsync(blocker.EventId, cancelled, blocked.AttendeeId, now);
        }
    }

    /// <summary>The caller's coffees for Join(), leaving out those with someone blocked either way.</summary>
    public async Task<CoffeeDate[]> ListAsync(EventRecord ev, AttendeeRecord self)
    {
        var mine = (await store.GetAsync(ev.EventId)).Dates.Values.Where(c => c.Has(self.AttendeeId)).OrderBy(c => c.MadeAt).ToList();
        if (mine.Count == 0)
        {
            return [];
        }
        var blocks = await breakouts.GetBlocksAsync(ev.Series);
        var others = (await events.GetAttendeesAsync(ev.EventId, [.. mine.Select(c => c.Other(self.AttendeeId))]))
            .ToDictionary(r => r.AttendeeId, StringComparer.Ordinal);
        var shown = mine.Where(c => others.TryGetValue(c.Other(self.AttendeeId), out var other) && !KeptApart.Between(blocks, self, other)).ToList();
        return await notifier.ViewsForAsync(ev.EventId, shown, self.AttendeeId, Now);
    }

    /// <summary>
    /// The caller's coffee <paramref name="dateId"/> with the event and the other person; refused (as one that does not exist)
    /// when there is none, it is not theirs, or one of the two blocked the other.
    /// </summary>
    public async Task<(EventRecord Event, CoffeeRecord Coffee, AttendeeRecord Other)> PartyAsync(RoomMember member, string? dateId)
    {
        var found = await FindAsync(member.EventId, member.AttendeeId, dateId);
        return found ?? throw CoffeeRules.NoSuchCoffee();
    }

    /// <summary>As <see cref="PartyAsync"/>, null instead of a refusal (the calendar answers 404).</summary>
    public async Task<(EventRecord Event, CoffeeRecord Coffee, AttendeeRecord Other)?> FindAsync(string eventId, string attendeeId, string? dateId)
    {
        var ev = await events.GetEventAsync(eventId);
        if (ev is null || string.IsNullOrEmpty(dateId) || !(await store.GetAsync(eventId)).Dates.TryGetValue(dateId, out var coffee) || !coffee.Has(attendeeId))
        {
            return null;
        }
        var both = await events.GetAttendeesAsync(eventId, [attendeeId, coffee.Other(attendeeId)]);
        var me = both.FirstOrDefault(r => r.AttendeeId == attendeeId);
        var other = both.FirstOrDefault(r => r.AttendeeId != attendeeId);
        if (me is null || other is null || other.Removed || KeptApart.Between(await breakouts.GetBlocksAsync(ev.Series), me, other))
        {
            return null;
        }
        return (ev, coffee, other);
    }

    /// <summary>Records that the caller entered the room; both hear of it the first time.</summary>
    public async Task EnteredAsync(RoomMember member, string dateId)
    {
        var now = Now;
        var (coffee, first) = await store.UpdateAsync(member.EventId, book =>
        {
            var coffee = book.Dates.GetValueOrDefault(dateId) ?? throw CoffeeRules.NoSuchCoffee();
            return (coffee, CoffeeRules.Enter(coffee, member.AttendeeId));
        });
        if (first)
        {
            CoffeeLog.Entered(logger, member.EventId, dateId);
            await notifier.ChangedAsync(member.EventId, coffee, member.AttendeeId, now);
        }
    }

    /// <summary>The coffee room's group got more time (both asked): the coffee ends later too, and both see the new end.</summary>
    public async Task ExtendedAsync(RoomMember member, string dateId, long endsAt)
    {
        var (coffee, moved) = await store.UpdateAsync(member.EventId, book =>
        {
            var coffee = book.Dates.GetValueOrDefault(dateId);
            return (coffee, coffee is not null && CoffeeRules.Extend(coffee, endsAt));
        });
        if (moved)
        {
            await events.KeepUntilAsync(member.EventId, endsAt);
            await notifier.ChangedAsync(member.EventId, coffee!, member.AttendeeId, Now);
        }
    }

    /// <summary>The report's counts: coffees with a time agreed (cancelled later or not), and those both entered.</summary>
    public static (int Agreed, int Held) Counts(CoffeeBook book) =>
        (book.Dates.Values.Count(c => c.WasAgreed), book.Dates.Values.Count(c => c.WasHeld));

    private async Task<CoffeeRecord> ChangeAsync(RoomMember member, string dateId, Action<CoffeeRecord> change) =>
        await store.UpdateAsync(member.EventId, book =>
        {
            var coffee = book.Dates.GetValueOrDefault(dateId) ?? throw CoffeeRules.NoSuchCoffee();
            change(coffee);
            return coffee;
        });
}

internal static partial class CoffeeLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Coffee {DateId} made in event {EventId}")]
    public static partial void Made(ILogger logger, string eventId, string dateId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Coffee {DateId} agreed in event {EventId}")]
    public static partial void Agreed(ILogger logger, string eventId, string dateId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Coffee {DateId} cancelled in event {EventId}")]
    public static partial void Cancelled(ILogger logger, string eventId, string dateId);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Someone entered the room of coffee {DateId} in event {EventId}")]
    public static partial void Entered(ILogger logger, string eventId, string dateId);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Reminder of coffee {DateId} in event {EventId} sent")]
    public static partial void Reminded(ILogger logger, string eventId, string dateId);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Error, Message = "Coffee reminders failed")]
    public static partial void RemindersFailed(ILogger logger, Exception exception);
}
