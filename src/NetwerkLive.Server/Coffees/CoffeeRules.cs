using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Localization;

namespace NetwerkLive.Server.Coffees;

/// <summary>
/// The coffee's state machine as plain transitions of a <see cref="CoffeeRecord"/> (docs/hub-contract.md, "Coffees"):
/// no I/O and no clock of its own. Expired, held and missed are read from the clock here, in one place
/// (<see cref="StateAt"/>), and never stored. Each refusal is a sentence in the caller's language.
/// </summary>
public static class CoffeeRules
{
    public const int MaxTimes = 3;

    public const int MaxDaysAhead = 60;

    private static readonly long MaxAheadMs = (long)TimeSpan.FromDays(MaxDaysAhead).TotalMilliseconds;

    public static string StateAt(CoffeeRecord coffee, long now) => coffee switch
    {
        { Cancelled: true } => CoffeeDateStates.Cancelled,
        { EndsAt: { } end } when end <= now => coffee.Entered.Count >= 2 ? CoffeeDateStates.Held : CoffeeDateStates.Missed,
        { StartsAt: not null } => CoffeeDateStates.Agreed,
        _ when coffee.TimesA.Count + coffee.TimesB.Count > 0 && coffee.TimesA.Concat(coffee.TimesB).All(t => t <= now) => CoffeeDateStates.Expired,
        _ => CoffeeDateStates.Open,
    };

    /// <summary>The coffee as <paramref name="viewer"/> sees it (their times first, <paramref name="with"/> the other).</summary>
    public static CoffeeDate View(CoffeeRecord coffee, string viewer, Attendee with, long now) => new(
        coffee.DateId, with, StateAt(coffee, now),
        [.. coffee.TimesOf(viewer)], [.. coffee.TimesOf(coffee.Other(viewer))],
        coffee.StartsAt, coffee.EndsAt, coffee.RoomOpensAt,
        coffee.Cancelled ? coffee.CancelledBy == viewer : null,
        [.. coffee.Entered]);

    /// <summary>Replaces <paramref name="by"/>'s times; a cancelled or expired coffee starts again from nothing.</summary>
    public static void Propose(CoffeeRecord coffee, string by, long[] times, long now)
    {
        if (coffee.StartsAt is not null)
        {
            throw Refusal("Coffees.AlreadyAgreed");
        }
        if (times.Length is < 1 or > MaxTimes)
        {
            throw Refusal("Coffees.TimesCount", MaxTimes, times.Length);
        }
        if (times.Distinct().Count() != times.Length)
        {
            throw Refusal("Coffees.DuplicateTime");
        }
        if (times.Any(t => t <= now))
        {
            throw Refusal("Coffees.TimeInPast");
        }
        if (times.Any(t => t > now + MaxAheadMs))
        {
            throw Refusal("Coffees.TimeTooFar", MaxDaysAhead);
        }
        var state = StateAt(coffee, now);
        if (state is CoffeeDateStates.Cancelled or CoffeeDateStates.Expired)
        {
            coffee.CancelledBy = null;
            coffee.TimesA.Clear();
            coffee.TimesB.Clear();
        }
        var mine = coffee.TimesOf(by);
        mine.Clear();
        mine.AddRange(times.Order());
    }

    /// <summary>Agrees on one of the other's times (<paramref name="otherName"/> for the refusals that name them).</summary>
    public static void Accept(CoffeeRecord coffee, string by, long time, long now, CoffeeOptions options, string otherName)
    {
        if (coffee.Cancelled)
        {
            throw Refusal("Coffees.WasCancelled");
        }
        if (coffee.StartsAt is not null)
        {
            throw Refusal("Coffees.AlreadyAgreed");
        }
        if (!coffee.TimesOf(coffee.Other(by)).Contains(time))
        {
            throw coffee.TimesOf(by).Contains(time) ? Refusal("Coffees.OwnTime", otherName) : Refusal("Coffees.NotTheirTime", otherName);
        }
        if (time <= now)
        {
            throw Refusal("Coffees.TimePassed");
        }
        coffee.StartsAt = time;
        coffee.EndsAt = time + (long)options.Length.TotalMilliseconds;
        coffee.RoomOpensAt = time - (long)options.RoomOpensBefore.TotalMilliseconds;
        coffee.WasAgreed = true;
        coffee.Reminded = false;
        coffee.Entered.Clear();
    }

    /// <summary>Open (or expired) or agreed → cancelled by <paramref name="by"/>; the agreed time goes, the proposals stay visible.</summary>
    public static void Cancel(CoffeeRecord coffee, string by, long now)
    {
        if (StateAt(coffee, now) is CoffeeDateStates.Cancelled or CoffeeDateStates.Held or CoffeeDateStates.Missed)
        {
            throw Refusal("Coffees.CannotCancel");
        }
        coffee.CancelledBy = by;
        coffee.StartsAt = null;
        coffee.EndsAt = null;
        coffee.RoomOpensAt = null;
        coffee.Entered.Clear();
    }

    /// <summary>
    /// Both in the coffee room asked for more time and got it: the coffee now ends at <paramref name="endsAt"/>, so its
    /// room stays open (for someone whose phone dropped) and its calendar file says so. True when that moved its end.
    /// </summary>
    public static bool Extend(CoffeeRecord coffee, long endsAt)
    {
        if (coffee.Cancelled || coffee.EndsAt is not { } end || endsAt <= end)
        {
            return false;
        }
        coffee.EndsAt = endsAt;
        return true;
    }

    /// <summary>The room of an agreed coffee is open from roomOpensAt until endsAt.</summary>
    public static void RequireRoomOpen(CoffeeRecord coffee, long now)
    {
        if (coffee.Cancelled || coffee.StartsAt is null)
        {
            throw Refusal("Coffees.NotAgreed");
        }
        if (now < coffee.RoomOpensAt)
        {
            var opens = DateTimeOffset.FromUnixTimeMilliseconds(coffee.RoomOpensAt!.Value);
            throw Refusal("Coffees.RoomNotOpen", PersonTime.Format(opens, "yyyy-MM-dd HH:mm"));
        }
        if (now >= coffee.EndsAt)
        {
            throw Refusal("Coffees.RoomClosed");
        }
    }

    /// <summary>Records that <paramref name="attendeeId"/> entered the room; true the first time.</summary>
    public static bool Enter(CoffeeRecord coffee, string attendeeId)
    {
        if (coffee.Entered.Contains(attendeeId))
        {
            return false;
        }
        coffee.Entered.Add(attendeeId);
        coffee.WasHeld |= coffee.Entered.Count >= 2;
        return true;
    }

    public static HubException NoSuchCoffee() => Refusal("Coffees.NoSuchCoffee");

    private static HubException Refusal(string key, params object[] args) => new(Texts.Format(key, args));
}
