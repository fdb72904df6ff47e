using NetwerkLive.Contracts;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// The planner's rules for people coming into and going out of a running round: a late joiner placed, someone leaving
/// (and whoever that leaves alone placed again). Plain state transitions like the rest of <see cref="RoundPlanner"/>.
/// </summary>
public sealed partial class RoundPlanner
{
    /// <summary>
    /// Someone became free during a round: pair them with someone waiting, or make a pair a triple while
    /// more than half the round is left, or let them wait.
    /// </summary>
    public void PlaceLateJoiner(BreakoutState state, string attendeeId, long now, PeopleIndex people, BreakoutEffects fx)
    {
        var round = state.RunningRound;
        if (round is null || round.EndsAt <= now || state.GroupOf(attendeeId) is not null || round.SatOut.Contains(attendeeId) || state.CoffeeQueue.Contains(attendeeId))
        {
            return;
        }
        if (PairWithSomeoneWaiting(state, round, attendeeId, now, people, fx))
        {
            return;
        }
        var halfLeft = (round.EndsAt - now) * 2 > round.EndsAt - round.StartedAt;
        if (halfLeft)
        {
            var cap = LateJoinCap(round.GroupSize);
            var candidates = state.Groups.Values.Where(g => g.RoundId == round.RoundId && g.Members.Count < cap);
            var group = Best(candidates, g => GroupPenalty(g, attendeeId, people));
            if (group is not null)
            {
                state.AddMember(group, attendeeId);
                round.Participants.Add(attendeeId);
                NoteAskOfferMatch(state, group, people.AreComplementary);
                fx.MemberJoined(group, attendeeId);
                return;
            }
        }
        if (!round.Waiting.Contains(attendeeId))
        {
            round.Waiting.Add(attendeeId);
        }
        fx.Waiting.Add((attendeeId, new BreakoutWaitingNotice(round.RoundId, round.EndsAt)));
    }

    /// <summary>
    /// Takes someone out of their group (they left it, became unavailable, or left the event). The others
    /// are told; someone left alone is paired with a waiting person or waits. True when they were in a
    /// group, waiting for one, or in the coffee queue.
    /// </summary>
    public bool Remove(BreakoutState state, string attendeeId, bool sitOutRound, long now, PeopleIndex people, BreakoutEffects fx)
    {
        var wasQueued = state.CoffeeQueue.Remove(attendeeId);
        var round = state.RunningRound;
        var wasWaiting = round?.Waiting.Remove(attendeeId) == true;
        var group = state.RemoveMember(attendeeId);
        if (group is null)
        {
            // Leaving while waiting for a partner is leaving too: not placed again this round.
            if (wasWaiting && sitOutRound)
            {
                round!.SatOut.Add(attendeeId);
            }
            return wasQueued || wasWaiting;
        }
        if (sitOutRound && round is not null && group.RoundId == round.RoundId)
        {
            round.SatOut.Add(attendeeId);
        }
        fx.Ended.Add(([attendeeId], new BreakoutEndedNotice(group.RoundId, group.GroupId)));
        if (group.Members.Count > 0)
        {
            fx.PartnerLeft.Add(([.. group.Members], new PartnerLeftNotice(group.RoundId, group.GroupId, attendeeId)));
        }
        if (group.Members.Count >= 2 && group.ExtensionVotes.Count > 0 && group.Members.All(group.ExtensionVotes.Contains))
        {
            // Everyone still in the group had asked for more time: the leaver was the only one missing.
            ExtendGroup(group, fx);
        }
        if (group.Members.Count == 1)
        {
            var alone = group.Members[0];
            state.RemoveGroup(group);
            fx.Ended.Add(([alone], new BreakoutEndedNotice(group.RoundId, group.GroupId)));
            if (round is not null && group.RoundId == round.RoundId)
            {
                PlaceAgain(state, round, alone, now, people, fx);
            }
        }
        else if (group.Members.Count == 0)
        {
            state.RemoveGroup(group);
        }
        return true;
    }

    private void PlaceAgain(BreakoutState state, RoundState round, string attendeeId, long now, PeopleIndex people, BreakoutEffects fx)
    {
        if (!PairWithSomeoneWaiting(state, round, attendeeId, now, people, fx))
        {
            round.Waiting.Add(attendeeId);
            fx.Waiting.Add((attendeeId, new BreakoutWaitingNotice(round.RoundId, round.EndsAt)));
        }
    }

    /// <summary>Pairs the attendee with the best person waiting in the round (longest waiting on ties); false when nobody fits.</summary>
    private bool PairWithSomeoneWaiting(BreakoutState state, RoundState round, string attendeeId, long now, PeopleIndex people, BreakoutEffects fx)
    {
        var partner = Best(round.Waiting.Where(w => w != attendeeId), w => people.Penalty(attendeeId, w));
        if (partner is null)
        {
            return false;
        }
        round.Waiting.Remove(partner);
        NoteAskOfferMatch(state, NewGroup(state, round, [partner, attendeeId], now, fx), people.AreComplementary);
        return true;
    }

    private static int? GroupPenalty(GroupState group, string attendeeId, PeopleIndex people)
    {
        var total = group.Members.Count * 1000; // prefer the smallest group
        foreach (var member in group.Members)
        {
            if (people.Penalty(attendeeId, member) is not { } penalty)
            {
                return null;
            }
            total += penalty;
        }
        return total;
    }

    /// <summary>The allowed option with the lowest penalty, first one on ties (so waiting longest wins).</summary>
    private static T? Best<T>(IEnumerable<T> options, Func<T, int?> penalty) where T : class
    {
        T? best = null;
        var bestPenalty = int.MaxValue;
        foreach (var option in options)
        {
            if (penalty(option) is { } p && p < bestPenalty)
            {
                best = option;
                bestPenalty = p;
            }
        }
        return best;
    }
}
