using NetwerkLive.Server.Events;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// How every breakout change is made: one atomic store update running the planner's rules, then the messages it means
/// and the event's next timer; and, for a change that groups people, their records read first.
/// </summary>
public sealed partial class BreakoutService
{
    /// <summary>
    /// How often a change that needs the records of the people it may group is tried again when someone
    /// became a candidate after the records were read (on several nodes, two late joiners often arrive together:
    /// unknown to each other's index, they would both wait). An attempt is stale only when another change added a
    /// candidate meanwhile, so this must exceed the number of people acting at the same moment: with 5, twenty people
    /// asking for coffee at once on Redis left two of them waiting side by side, about one run in three
    /// (CoffeeQueueOnRedisTests.PeopleAskingAtTheSameMomentAreAllMatched).
    /// </summary>
    private const int MaxIndexAttempts = 32;

    /// <summary>
    /// One atomic change that groups people, with the records of its <paramref name="candidates"/> read first.
    /// Nothing happens when the state read first says the change is not <paramref name="needed"/>. When the
    /// change finds a candidate the records do not cover (they became one meanwhile), it reads again, up to
    /// <see cref="MaxIndexAttempts"/> times, then goes ahead with what it knows.
    /// </summary>
    private async Task<T> ChangeWithPeopleAsync<T>(EventRecord ev, Func<BreakoutState, IEnumerable<string>> candidates,
        Func<BreakoutState, RoundPlanner, BreakoutEffects, PeopleIndex, T> change, Func<BreakoutState, bool>? needed = null, T notNeeded = default!)
    {
        for (var attempt = 1; ; attempt++)
        {
            var before = await _store.GetAsync(ev.EventId);
            if (needed?.Invoke(before) == false)
            {
                return notNeeded;
            }
            var people = await _people.IndexAsync(ev, candidates(before));
            var lastAttempt = attempt == MaxIndexAttempts;
            var (stale, result) = await ChangeAsync(ev, (state, planner, fx) =>
                !lastAttempt && candidates(state).Any(id => !people.Records.ContainsKey(id))
                    ? (true, default!)
                    : (false, change(state, planner, fx, people)));
            if (!stale)
            {
                return result;
            }
        }
    }

    /// <summary>One atomic change of the event's breakouts, then the messages it means and the next timer.</summary>
    private async Task<T> ChangeAsync<T>(EventRecord ev, Func<BreakoutState, RoundPlanner, BreakoutEffects, T> change)
    {
        var planner = new RoundPlanner(_options, group => Prepare(group, ev, Now));
        var (result, fx, state) = await _store.UpdateAsync(ev.EventId, state =>
        {
            var fx = new BreakoutEffects();
            var result = change(state, planner, fx);
            state.NextDueAt = planner.NextDue(state);
            return (result, fx, state);
        });
        _timers.Schedule(ev.EventId, state.Version, state.NextDueAt);
        await _notifier.ApplyAsync(ev, fx, Now);
        return result;
    }

    private static GroupState Prepare(GroupState group, EventRecord ev, long now)
    {
        group.GroupId = Ids.New(12);
        group.StartedAt = now;
        group.MeetingUrl = Video.MeetingModeRules.UsesLink(ev.Mode) ? ev.MeetingUrlTemplate?.Replace("{room}", Ids.New(20), StringComparison.Ordinal) : null;
        return group;
    }
}
