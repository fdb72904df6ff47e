using NetwerkLive.Contracts;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>The breakouts' side of a coffee room (Coffees/CoffeeRoom.cs): one atomic change as every other.</summary>
public sealed partial class BreakoutService
{
    /// <summary>Puts the attendee in the coffee's group (made by whoever enters first, until <paramref name="endsAt"/>).</summary>
    public async Task<BreakoutAssignment> EnterDateAsync(EventRecord ev, string attendeeId, string dateId, IReadOnlyList<string> pair, long endsAt)
    {
        var group = await ChangeAsync(ev, (state, planner, fx) => planner.EnterDate(state, attendeeId, dateId, pair, endsAt, Now, fx));
        return await _notifier.AssignmentAsync(ev.EventId, group, attendeeId);
    }
}
