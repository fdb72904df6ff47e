using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// The host's steering by hand (pair two waiting people, move someone, end one group), as plain transitions like the
/// rest of the planner. Whether someone is present and open cannot be read inside an atomic change, so the service
/// reads it first and passes it in as <c>open</c>; everything the state decides (in a group, sat out, the group's
/// size) is checked here, on the state being saved. A refusal says why in the host's language, and never who blocked whom.
/// </summary>
public sealed partial class RoundPlanner
{
    private readonly long _coffeeMs = (long)options.CoffeeDuration.TotalMilliseconds;

    /// <summary>Two people who wait are put together now: a group of the running round, or a coffee chat between rounds.</summary>
    public GroupState PairWaiting(BreakoutState state, string attendeeId, string otherAttendeeId, long now, PeopleIndex people,
        Func<string, bool> open, BreakoutEffects fx)
    {
        if (attendeeId == otherAttendeeId)
        {
            throw Refusal("Steering.SamePersonTwice");
        }
        var first = Person(people, attendeeId);
        var second = Person(people, otherAttendeeId);
        RequireWaiting(state, first, open);
        RequireWaiting(state, second, open);
        if (people.Penalty(attendeeId, otherAttendeeId) is null)
        {
            throw Refusal("Steering.MustNotMeet", first.DisplayName, second.DisplayName);
        }
        List<string> pair = [attendeeId, otherAttendeeId];
        foreach (var member in pair)
        {
            state.CoffeeQueue.Remove(member);
            state.RunningRound?.Waiting.Remove(member);
        }
        var group = state.RunningRound is { } round && round.EndsAt > now
            ? NewGroup(state, round, pair, now, fx)
            : NewCoffeeGroup(state, pair, now, fx);
        NoteAskOfferMatch(state, group, people.AreComplementary);
        return group;
    }

    /// <summary>
    /// Someone who waits, or who is in another live group, joins <paramref name="groupId"/>. They leave where they were as
    /// anyone leaving does (without sitting the round out), so a partner left alone is placed again or waits.
    /// </summary>
    public GroupState MoveToGroup(BreakoutState state, string attendeeId, string groupId, long now, PeopleIndex people,
        Func<string, bool> open, BreakoutEffects fx)
    {
        var target = state.Groups.GetValueOrDefault(groupId) ?? throw Refusal("Steering.GroupGone");
        var person = Person(people, attendeeId);
        if (target.Members.Contains(attendeeId))
        {
            throw Refusal("Steering.AlreadyInGroup", person.DisplayName);
        }
        if (state.GroupOf(attendeeId) is null && !IsWaiting(state, attendeeId, open))
        {
            throw Refusal("Steering.NotWaitingNorInGroup", person.DisplayName);
        }
        if (target.Members.Count >= BreakoutOptions.MaxGroupSize)
        {
            throw Refusal("Steering.GroupFull", BreakoutOptions.MaxGroupSize);
        }
        if (target.Members.Any(member => people.Penalty(attendeeId, member) is null))
        {
            throw Refusal("Steering.CannotJoinGroup", person.DisplayName);
        }
        Remove(state, attendeeId, sitOutRound: false, now, people, fx);
        state.AddMember(target, attendeeId);
        if (state.RunningRound is { } round && target.RoundId == round.RoundId)
        {
            round.Participants.Add(attendeeId);
        }
        NoteAskOfferMatch(state, target, people.AreComplementary);
        fx.MemberJoined(target, attendeeId);
        return target;
    }

    /// <summary>Ends one group now. Its members sit the rest of its round out, as if each had left; a coffee chat just ends.</summary>
    public void EndGroupEarly(BreakoutState state, string groupId, BreakoutEffects fx)
    {
        var group = state.Groups.GetValueOrDefault(groupId) ?? throw Refusal("Steering.GroupGone");
        EndGroup(state, group, fx);
        if (state.RunningRound is { } round && group.RoundId == round.RoundId)
        {
            round.SatOut.UnionWith(group.Members);
        }
    }

    /// <summary>A coffee chat of <see cref="BreakoutOptions.CoffeeDuration"/>: from the coffee queue, or paired by the host between rounds.</summary>
    public GroupState NewCoffeeGroup(BreakoutState state, List<string> members, long now, BreakoutEffects fx)
    {
        var group = Prepare(new GroupState
        {
            GroupId = "",
            RoundId = BreakoutIds.CoffeePrefix + Ids.New(8),
            Members = members,
            EndsAt = now + _coffeeMs,
        });
        SkipWarningIfAlreadyDue(group, now);
        state.AddGroup(group);
        fx.GroupStarted(group);
        return group;
    }

    /// <summary>
    /// Waits for a partner: present and open for networking (<paramref name="open"/>), in no group, and not sat out of the
    /// running round. Someone in the coffee queue waits too.
    /// </summary>
    private static bool IsWaiting(BreakoutState state, string attendeeId, Func<string, bool> open) =>
        state.Waits(attendeeId, open(attendeeId));

    private static void RequireWaiting(BreakoutState state, AttendeeRecord person, Func<string, bool> open)
    {
        if (!IsWaiting(state, person.AttendeeId, open))
        {
            throw Refusal("Steering.NotWaiting", person.DisplayName);
        }
    }

    private static AttendeeRecord Person(PeopleIndex people, string attendeeId) =>
        people.Records.GetValueOrDefault(attendeeId) is { Removed: false } person ? person : throw Refusal("Steering.NotInEvent");

    private static HubException Refusal(string key, params object[] args) => new(Texts.Format(key, args));
}
