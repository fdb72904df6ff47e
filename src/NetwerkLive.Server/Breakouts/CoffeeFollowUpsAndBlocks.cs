using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Contracts;
using NetwerkLive.Server.AfterLive;
using NetwerkLive.Server.Breakouts.Pairing;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

public sealed partial class BreakoutService
{
    /// <summary>
    /// Into the coffee queue: matched at once with the best person already waiting (someone not met
    /// before, from another company, longest waiting first), or queued until someone comes.
    /// </summary>
    public async Task<CoffeeQueueStatus> FindCoffeePartnerAsync(RoomMember member)
    {
        var ev = await EventAsync(member.EventId);
        if (ev.IsClosed(Now))
        {
            throw new HubException(Texts.Get("AfterLive.CoffeeClosed"));
        }
        var me = await _events.GetAttendeeAsync(ev.EventId, member.AttendeeId);
        if (me is { IsHost: true })
        {
            throw new HubException(Texts.Get("Breakouts.HostNoCoffee"));
        }
        if (me is null || !me.Available)
        {
            throw new HubException(Texts.Get("Breakouts.AvailableFirst"));
        }
        return await ChangeWithPeopleAsync<CoffeeQueueStatus>(ev,
            candidates: state => state.CoffeeQueue.Append(member.AttendeeId),
            change: (state, planner, fx, people) => QueueOrMatch(state, planner, fx, people, member.AttendeeId));
    }

    private static HubException AlreadyInBreakout() => new(Texts.Get("Breakouts.AlreadyInBreakout"));

    /// <summary>Matches the attendee with the best person in the queue, or queues them.</summary>
    private CoffeeQueueStatus QueueOrMatch(BreakoutState state, RoundPlanner planner, BreakoutEffects fx, PeopleIndex people, string attendeeId)
    {
        if (state.GroupOf(attendeeId) is not null)
        {
            throw AlreadyInBreakout();
        }
        if (state.CoffeeQueue.Contains(attendeeId))
        {
            return new CoffeeQueueStatus(false, state.CoffeeQueue.Count);
        }
        string? partner = null;
        var best = int.MaxValue;
        foreach (var waiting in state.CoffeeQueue)
        {
            if (people.Penalty(attendeeId, waiting) is { } penalty && penalty < best)
            {
                (partner, best) = (waiting, penalty);
            }
        }
        state.RunningRound?.Waiting.Remove(attendeeId);
        if (partner is null)
        {
            state.CoffeeQueue.Add(attendeeId);
            return new CoffeeQueueStatus(false, state.CoffeeQueue.Count);
        }
        state.CoffeeQueue.Remove(partner);
        RoundPlanner.NoteAskOfferMatch(state, planner.NewCoffeeGroup(state, [partner, attendeeId], Now, fx), people.AreComplementary);
        return new CoffeeQueueStatus(true, state.CoffeeQueue.Count);
    }

    public async Task LeaveCoffeeQueueAsync(RoomMember member)
    {
        var ev = await EventAsync(member.EventId);
        await ChangeAsync(ev, (state, _, _) => state.CoffeeQueue.Remove(member.AttendeeId));
    }

    /// <summary>
    /// Never group these two again in the series, and withdraw any follow-up between them. The blocked person is
    /// not told; if they are together now, the caller leaves. The answer is the same whoever the other is:
    /// blocking another registration of yourself is a silent no-op, so a block never tells who someone is.
    /// </summary>
    public async Task BlockAsync(RoomMember member, string? attendeeId)
    {
        if (string.IsNullOrWhiteSpace(attendeeId) || attendeeId == member.AttendeeId)
        {
            throw new HubException(Texts.Get("Breakouts.SayWhomToBlock"));
        }
        var ev = await EventAsync(member.EventId);
        var me = await _events.GetAttendeeAsync(ev.EventId, member.AttendeeId);
        var other = await _events.GetAttendeeAsync(ev.EventId, attendeeId)
            ?? throw new HubException(Texts.Get("Moderation.NoSuchAttendee"));
        if (me is null || me.PersonId == other.PersonId)
        {
            return;
        }
        await _store.AddBlockAsync(ev.Series, PairKey.Of(me.PersonId, other.PersonId));
        await _store.WithdrawFollowUpsAsync(ev.EventId, PairKey.Of(me.AttendeeId, other.AttendeeId));
        await _coffees.BlockedAsync(me, other); // their coffee: cancelled for the blocked one, gone for the blocker
        var state = await _store.GetAsync(ev.EventId);
        if (state.GroupOf(member.AttendeeId) is { } group && group.Members.Contains(attendeeId))
        {
            await RemoveAsync(ev.EventId, member.AttendeeId, sitOutRound: true);
        }
    }

    /// <summary>
    /// "Let's have that coffee again": allowed for someone the caller met in a breakout of this event.
    /// The other learns nothing until they ask too; then both get the other's contact. Idempotent.
    /// A block between the two (either way, in any event of the series) wins: the request is dropped and
    /// the answer is the same as for a request the other has not made, so neither learns why.
    /// </summary>
    public async Task RequestFollowUpAsync(RoomMember member, string? attendeeId)
    {
        if (string.IsNullOrWhiteSpace(attendeeId) || attendeeId == member.AttendeeId)
        {
            throw new HubException(Texts.Get("Breakouts.SayWhomToFollowUp"));
        }
        var meetings = await _store.GetMeetingsAsync(member.EventId);
        var met = meetings.Any(m => (m.A == member.AttendeeId && m.B == attendeeId) || (m.B == member.AttendeeId && m.A == attendeeId));
        var ev = await EventAsync(member.EventId);
        var me = await _events.GetAttendeeAsync(member.EventId, member.AttendeeId);
        var other = await _events.GetAttendeeAsync(member.EventId, attendeeId);
        // Coffee requests from the board (i15-after): someone not met may be asked when they are on the board, or asked back.
        if (!met && !await MayAskFromTheBoardAsync(member.EventId, member.AttendeeId, other))
        {
            throw new HubException(Texts.Get("Breakouts.FollowUpOnlyMet"));
        }
        if (me is null || other is null || await BlockedAsync(ev, me, other))
        {
            return;
        }
        if (!await _store.RequestFollowUpAsync(member.EventId, member.AttendeeId, attendeeId))
        {
            if (!met)
            {
                await TellOfCoffeeRequestAsync(ev, me, other);
            }
            return;
        }
        // A block made between the check above and this request being stored withdrew nothing (the request was
        // not there yet): look again, and withdraw the match before anything is revealed.
        if (await BlockedAsync(ev, me, other))
        {
            await _store.WithdrawFollowUpsAsync(ev.EventId, PairKey.Of(me.AttendeeId, other.AttendeeId));
            return;
        }
        await _notifier.FollowUpMatchedAsync(me, other);
        await _coffees.MutualAsync(me, other); // and their coffee to plan (Coffees/)
        BreakoutLog.FollowUpMatched(_logger, member.EventId);
    }

    private async Task<bool> BlockedAsync(EventRecord ev, AttendeeRecord a, AttendeeRecord b) =>
        KeptApart.Between(await _store.GetBlocksAsync(ev.Series), a, b);
}

internal static partial class BreakoutLog
{
    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Mutual follow-up in event {EventId}")]
    public static partial void FollowUpMatched(ILogger logger, string eventId);
}
