using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Server.Breakouts.Pairing;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// Coffee requests from the asks and offers board: a follow-up asked of someone the caller has not met. Unlike between
/// people who met, the receiver is told at once (<c>FollowUpRequested</c>) and answers by asking back or declining; a
/// decline is never told to the asker. Blocks win as everywhere.
/// </summary>
public sealed partial class BreakoutService
{
    /// <summary>Someone not met may be asked when they are on the board (an ask or an offer), or when they asked the caller.</summary>
    private async Task<bool> MayAskFromTheBoardAsync(string eventId, string callerId, AttendeeRecord? other) =>
        other is { IsHost: false, Removed: false }
        && (other.HasAskOrOffer || (await _store.GetCoffeeRequestsToAsync(eventId, callerId)).Contains(other.AttendeeId));

    /// <summary>
    /// Tells <paramref name="other"/> of a new coffee request, once (not again after a no), unless the two already matched
    /// (asking again after answering a request is no new request) or a block came in between.
    /// </summary>
    private async Task TellOfCoffeeRequestAsync(EventRecord ev, AttendeeRecord me, AttendeeRecord other)
    {
        if ((await _store.GetMutualFollowUpsAsync(ev.EventId)).Contains(PairKey.Of(me.AttendeeId, other.AttendeeId)))
        {
            return;
        }
        if (await _store.AddCoffeeRequestAsync(ev.EventId, me.AttendeeId, other.AttendeeId) && !await BlockedAsync(ev, me, other))
        {
            await _notifier.CoffeeRequestedAsync(me, other);
        }
    }

    /// <summary>"No, thank you" to a coffee request from the board: it leaves the caller's list; the asker is never told.</summary>
    public async Task DeclineFollowUpAsync(RoomMember member, string? attendeeId)
    {
        if (string.IsNullOrWhiteSpace(attendeeId) || attendeeId == member.AttendeeId)
        {
            throw new HubException(Texts.Get("Breakouts.SayWhomToDecline"));
        }
        await _store.DeclineCoffeeRequestAsync(member.EventId, attendeeId, member.AttendeeId);
    }
}
