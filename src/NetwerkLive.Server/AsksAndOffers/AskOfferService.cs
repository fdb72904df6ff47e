using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.AfterLive;
using NetwerkLive.Server.Breakouts.Pairing;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Presence;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.AsksAndOffers;

/// <summary>
/// "Ik zoek / Ik bied" in the room: setting one's ask and offer (everyone sees it as a presence <c>updated</c>) and
/// the board of everyone registered with either. Public within the event, never a contact; no log lines of its own
/// (the texts are personal).
/// </summary>
public sealed class AskOfferService(
    IEventStore events,
    IPresenceStore presenceStore,
    IBreakoutStore breakouts,
    PresenceService presence,
    IOptions<AfterLiveOptions> options)
{
    public async Task<Attendee> SetAsync(RoomMember member, AskOffer? ask, AskOffer? offer)
    {
        var ev = await events.GetEventAsync(member.EventId) ?? throw new HubException(Texts.Get("Room.EventGone"));
        var cleanAsk = AskOfferRules.Clean(ask, ev, Texts.Get("Field.Ask"), out var askError);
        var cleanOffer = AskOfferRules.Clean(offer, ev, Texts.Get("Field.Offer"), out var offerError);
        if ((askError ?? offerError) is { } refusal)
        {
            throw new HubException(refusal);
        }
        var updated = await events.SetAskAndOfferAsync(member.EventId, member.AttendeeId, cleanAsk, cleanOffer)
            ?? throw new HubException(Texts.Get("Room.RegistrationNotFound"));
        await presence.UpdatedAsync(updated);
        var joinedAt = await presenceStore.GetJoinedAtAsync(member.EventId, member.AttendeeId);
        return updated.ToDto(joinedAt ?? updated.RegisteredAt);
    }

    /// <summary>
    /// Everyone registered with an ask or an offer, newest registration first, at most <c>AfterLive:BoardSize</c>:
    /// not the host, not someone removed, not someone blocked either way (nor the caller's other registrations);
    /// the caller included. The store reads as many more as the caller has blocks either way, so people hidden by a
    /// block do not take places on the board.
    /// </summary>
    public async Task<BoardEntry[]> BoardAsync(RoomMember member)
    {
        var ev = await events.GetEventAsync(member.EventId) ?? throw new HubException(Texts.Get("Room.EventGone"));
        var self = await events.GetAttendeeAsync(member.EventId, member.AttendeeId)
            ?? throw new HubException(Texts.Get("Room.RegistrationNotFound"));
        var blocks = await breakouts.GetBlocksAsync(ev.Series);
        var hidden = blocks.Count(b => b.First == self.PersonId || b.Second == self.PersonId);
        var records = await events.GetWithAskOrOfferAsync(ev.EventId, options.Value.BoardSize + hidden);
        var shown = records
            .Where(r => !r.IsHost && !r.Removed)
            .Where(r => r.AttendeeId == self.AttendeeId || !KeptApart.Between(blocks, self, r))
            .Take(options.Value.BoardSize)
            .ToList();
        var joined = await presenceStore.GetJoinedAtAsync(ev.EventId, [.. shown.Select(r => r.AttendeeId)]);
        return [.. shown.Select(r => joined.TryGetValue(r.AttendeeId, out var at)
            ? new BoardEntry(r.ToDto(at), Present: true)
            : new BoardEntry(r.ToDto(r.RegisteredAt), Present: false))];
    }
}
