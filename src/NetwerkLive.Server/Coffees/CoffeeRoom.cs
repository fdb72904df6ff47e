using NetwerkLive.Contracts;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Events;

namespace NetwerkLive.Server.Coffees;

/// <summary>
/// The private room of an agreed coffee: a breakout group of kind date (<see cref="BreakoutService.EnterDateAsync"/>), so
/// the call, the private chat, leaving, extending and the end at endsAt work as in any breakout.
/// </summary>
public sealed class CoffeeRoom(CoffeeService coffees, BreakoutService breakouts, TimeProvider time)
{
    public async Task<BreakoutAssignment> EnterAsync(RoomMember member, string? dateId)
    {
        var (ev, coffee, _) = await coffees.PartyAsync(member, dateId);
        CoffeeRules.RequireRoomOpen(coffee, time.GetUtcNow().ToUnixTimeMilliseconds());
        var assignment = await breakouts.EnterDateAsync(ev, member.AttendeeId, coffee.DateId, [coffee.A, coffee.B], coffee.EndsAt!.Value);
        await coffees.EnteredAsync(member, coffee.DateId);
        return assignment;
    }
}
