using NetwerkLive.Contracts;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// The coffee room of an agreed coffee as a group of the breakout state (kind date, <c>roundId</c> = the coffee's id):
/// its two people may enter one after the other, so it exists with one member, lists the other as a partner whose
/// connection is lost until they come (<see cref="GroupState.Pair"/>), and is not ended when one of them leaves.
/// </summary>
public sealed partial class RoundPlanner
{
    public GroupState EnterDate(BreakoutState state, string attendeeId, string dateId, IReadOnlyList<string> pair, long endsAt, long now, BreakoutEffects fx)
    {
        var current = state.GroupOf(attendeeId);
        if (current is not null)
        {
            // Entering again (a second tab, a reload) changes nothing and tells nobody.
            return current.RoundId == dateId ? current : throw Refusal("Coffees.InBreakout");
        }
        state.CoffeeQueue.Remove(attendeeId);
        state.RunningRound?.Waiting.Remove(attendeeId);
        var group = state.Groups.Values.FirstOrDefault(g => g.RoundId == dateId);
        if (group is null)
        {
            group = Prepare(new GroupState { GroupId = "", RoundId = dateId, Members = [attendeeId], EndsAt = endsAt, Pair = [.. pair] });
            SkipWarningIfAlreadyDue(group, now);
            state.AddGroup(group);
        }
        else
        {
            state.AddMember(group, attendeeId);
        }
        // Not GroupStarted: the two met already (or asked each other from the board); a coffee is no new meeting for the report.
        fx.Started.Add(group);
        return group;
    }
}
