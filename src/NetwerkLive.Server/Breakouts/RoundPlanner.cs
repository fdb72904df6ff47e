using NetwerkLive.Contracts;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// The rules of rounds and groups as plain state transitions on <see cref="BreakoutState"/>: no I/O, no
/// clock of its own, so every rule is testable directly. Each method records what people must be told
/// in a <see cref="BreakoutEffects"/>.
/// </summary>
public sealed partial class RoundPlanner(BreakoutOptions options, Func<GroupState, GroupState>? prepareGroup = null)
{
    private readonly long _warningMs = (long)options.WarningBefore.TotalMilliseconds;
    private readonly long _groupExtensionMs = (long)options.GroupExtension.TotalMilliseconds;

    /// <summary>The most people a late joiner may make a group: a pair becomes a triple, bigger groups stay at their size.</summary>
    public static int LateJoinCap(int groupSize) => groupSize == 2 ? 3 : groupSize;

    public RoundState StartRound(BreakoutState state, RoundStart start, BreakoutEffects fx)
    {
        var round = new RoundState
        {
            RoundId = start.RoundId,
            StartedAt = start.Now,
            EndsAt = start.Now + (start.DurationSeconds * 1000L),
            GroupSize = start.GroupSize,
            Seed = start.Seed,
        };
        state.Round = round;
        state.RoundCounter++;
        foreach (var members in start.Groups)
        {
            // Someone may have entered a coffee chat since the pairing was computed: they stay there.
            var free = members.Where(m => state.GroupOf(m) is null && !state.CoffeeQueue.Contains(m)).ToList();
            if (free.Count >= 2)
            {
                NoteAskOfferMatch(state, NewGroup(state, round, free, start.Now, fx), start.Complementary);
            }
            else
            {
                round.Waiting.AddRange(free);
            }
        }
        round.Waiting.AddRange(start.Unplaced.Where(m => state.GroupOf(m) is null && !state.CoffeeQueue.Contains(m)));
        foreach (var waiting in round.Waiting)
        {
            fx.Waiting.Add((waiting, new BreakoutWaitingNotice(round.RoundId, round.EndsAt)));
        }
        fx.RoundStarted = new RoundNotice(round.RoundId, round.EndsAt, round.GroupCount);
        return round;
    }

    /// <summary>Ends the running round. The host's end closes every group of the round; the timer spares groups that extended themselves.</summary>
    public void EndRound(BreakoutState state, long now, bool byHost, BreakoutEffects fx)
    {
        var round = state.RunningRound;
        if (round is null)
        {
            return;
        }
        foreach (var group in state.Groups.Values.Where(g => g.RoundId == round.RoundId).ToList())
        {
            if (byHost || group.EndsAt <= now)
            {
                EndGroup(state, group, fx);
            }
        }
        round.Ended = true;
        round.EndedAt = now;
        round.Waiting.Clear();
        state.PastRounds.Add(new RoundSummary
        {
            RoundId = round.RoundId,
            StartedAt = round.StartedAt,
            EndedAt = now,
            GroupCount = round.GroupCount,
            ParticipantCount = round.Participants.Count,
            Groups = round.GroupsFormed,
            FormedWithCall = [.. round.FormedWithCall],
        });
        fx.RoundEnded = new RoundEndedNotice(round.RoundId);
    }

    public void ExtendRound(BreakoutState state, long byMs, BreakoutEffects fx)
    {
        var round = state.RunningRound ?? throw new InvalidOperationException("No round is running.");
        round.EndsAt += byMs;
        foreach (var group in state.Groups.Values.Where(g => g.RoundId == round.RoundId))
        {
            group.EndsAt += byMs;
            group.WarningSent = false;
            fx.Extended.Add(([.. group.Members], new BreakoutTimeNotice(round.RoundId, group.GroupId, group.EndsAt)));
        }
        foreach (var waiting in round.Waiting)
        {
            fx.Waiting.Add((waiting, new BreakoutWaitingNotice(round.RoundId, round.EndsAt)));
        }
    }

    /// <summary>Someone asked for more time. True when that completed the group's vote (and the group got it).</summary>
    public bool ProposeExtension(BreakoutState state, string attendeeId, BreakoutEffects fx)
    {
        var group = state.GroupOf(attendeeId) ?? throw new InvalidOperationException("Not in a group.");
        group.ExtensionVotes.Add(attendeeId);
        if (!group.Members.All(group.ExtensionVotes.Contains))
        {
            fx.ExtensionProposed.Add(([.. group.Members], new ExtensionProposedNotice(group.RoundId, group.GroupId, attendeeId)));
            return false;
        }
        ExtendGroup(group, fx);
        return true;
    }

    private void ExtendGroup(GroupState group, BreakoutEffects fx)
    {
        group.ExtensionVotes.Clear();
        group.EndsAt += _groupExtensionMs;
        group.WarningSent = false;
        fx.Extended.Add(([.. group.Members], new BreakoutTimeNotice(group.RoundId, group.GroupId, group.EndsAt)));
    }

    /// <summary>Does what is due at <paramref name="now"/>: warnings, ends of groups, the end of the round.</summary>
    public void Tick(BreakoutState state, long now, BreakoutEffects fx)
    {
        foreach (var group in state.Groups.Values.ToList())
        {
            if (group.EndsAt <= now)
            {
                EndGroup(state, group, fx);
            }
            else if (!group.WarningSent && group.EndsAt - _warningMs <= now)
            {
                group.WarningSent = true;
                fx.Ending.Add(([.. group.Members], new BreakoutTimeNotice(group.RoundId, group.GroupId, group.EndsAt)));
            }
        }
        if (state.RunningRound is { } round && round.EndsAt <= now)
        {
            EndRound(state, now, byHost: false, fx);
        }
    }

    /// <summary>When <see cref="Tick"/> next has something to do, or null when nothing is pending.</summary>
    public long? NextDue(BreakoutState state)
    {
        long? next = state.RunningRound?.EndsAt;
        foreach (var group in state.Groups.Values)
        {
            var due = group.WarningSent ? group.EndsAt : group.EndsAt - _warningMs;
            next = next is null ? due : Math.Min(next.Value, due);
        }
        return next;
    }

    public GroupState NewGroup(BreakoutState state, RoundState round, List<string> members, long now, BreakoutEffects fx)
    {
        var group = Prepare(new GroupState { GroupId = "", RoundId = round.RoundId, Members = members, EndsAt = round.EndsAt });
        SkipWarningIfAlreadyDue(group, now);
        state.AddGroup(group);
        // The same people placed together again (someone toggled their availability, or left and came back)
        // are the same group for the report: counted and listed once, so flapping cannot grow the state.
        group.Formed = round.GroupsFormed.FindIndex(formed => SameMembers(formed, members));
        if (group.Formed < 0)
        {
            round.GroupCount++;
            round.GroupsFormed.Add([.. members]);
            group.Formed = round.GroupsFormed.Count - 1;
        }
        foreach (var member in members)
        {
            round.Participants.Add(member);
        }
        fx.GroupStarted(group);
        return group;
    }

    /// <summary>
    /// Notes, once per group, whether two of its members are complementary (<see cref="Pairing.AskOfferMatch"/>) now
    /// that they are grouped; the report counts such groups (a round group placed again with the same people once).
    /// Called wherever people are grouped: round start, late joiners, the coffee queue, the host's steering.
    /// </summary>
    public static void NoteAskOfferMatch(BreakoutState state, GroupState group, Func<string, string, bool>? complementary)
    {
        if (group.AskOfferMatch || complementary is null || !AnyPair(group.Members, complementary))
        {
            return;
        }
        group.AskOfferMatch = true;
        var round = state.Round?.RoundId == group.RoundId ? state.Round : null;
        if (group.IsCoffee || round is null || round.FormedWithAskOfferMatch.Add(group.Formed))
        {
            state.AskOfferMatches++;
        }
    }

    private static bool AnyPair(List<string> members, Func<string, string, bool> test)
    {
        for (var i = 0; i < members.Count; i++)
        {
            for (var j = i + 1; j < members.Count; j++)
            {
                if (test(members[i], members[j]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// A group that starts with no more time than the warning gives (a one-minute round, a late pair near
    /// the end) is not warned: "one minute left" together with "you have a partner" is noise, and its
    /// assignment already carries the end time.
    /// </summary>
    public void SkipWarningIfAlreadyDue(GroupState group, long now) => group.WarningSent = group.EndsAt - _warningMs <= now;

    /// <summary>Gives a new group its id and meeting link (the service's job: they are random).</summary>
    public GroupState Prepare(GroupState group) => prepareGroup is null ? group : prepareGroup(group);

    private static bool SameMembers(List<string> a, List<string> b) =>
        a.Count == b.Count && a.All(member => b.Contains(member, StringComparer.Ordinal));

    private static void EndGroup(BreakoutState state, GroupState group, BreakoutEffects fx)
    {
        state.RemoveGroup(group);
        fx.Ended.Add(([.. group.Members], new BreakoutEndedNotice(group.RoundId, group.GroupId)));
    }

}

/// <summary>A round about to start, with its groups already chosen by the pairing engine.</summary>
public sealed record RoundStart(
    string RoundId,
    long Now,
    int DurationSeconds,
    int GroupSize,
    int Seed,
    IReadOnlyList<List<string>> Groups,
    IReadOnlyList<string> Unplaced,
    Func<string, string, bool>? Complementary = null);
