using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Chat;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Presence;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Moderation;

/// <summary>What only the host may do: announce, delete chat messages, remove attendees.</summary>
public sealed class ModerationService(
    IEventStore events,
    IChatStore chat,
    PresenceService presence,
    ConnectionRegistry connections,
    IClusterBus bus,
    IHubContext<EventHub, IEventClient> hub,
    TimeProvider time,
    IOptions<RoomOptions> options,
    ILogger<ModerationService> logger)
{
    /// <summary>How long a removed attendee's connection stays open so the Removed message reaches it first.</summary>
    public static readonly TimeSpan RemovalDelivery = TimeSpan.FromMilliseconds(500);

    /// <summary>The cluster message that tells every node to cut off a removed attendee's connections.</summary>
    public const string RemovedTopic = "attendee-removed";

    public async Task AnnounceAsync(RoomMember host, string? text)
    {
        RequireHost(host, "HostOnly.Announce");
        var checkedText = ChatService.CheckText(text, Texts.Get("Field.Announcement"), options.Value);
        var announcement = new Announcement(checkedText, time.GetUtcNow().ToUnixTimeMilliseconds());
        // Kept before it is sent: whoever has seen it finds it again after a reload.
        await chat.SetAnnouncementAsync(host.EventId, announcement);
        await hub.Clients.Group(EventGroups.Room(host.EventId)).Announcement(announcement);
    }

    public async Task DeleteMessageAsync(RoomMember host, long seq)
    {
        RequireHost(host, "HostOnly.DeleteMessages");
        if (!await chat.DeleteAsync(host.EventId, seq))
        {
            throw new HubException(Texts.Format("Moderation.NoSuchMessage", seq));
        }
        await hub.Clients.Group(EventGroups.Room(host.EventId)).ChatDeleted(seq);
    }

    public async Task RemoveAttendeeAsync(RoomMember host, string? attendeeId)
    {
        RequireHost(host, "HostOnly.RemoveAttendees");
        if (string.IsNullOrWhiteSpace(attendeeId))
        {
            throw new HubException(Texts.Get("Moderation.SayWhichAttendee"));
        }
        var target = await events.GetAttendeeAsync(host.EventId, attendeeId)
            ?? throw new HubException(Texts.Get("Moderation.NoSuchAttendee"));
        if (target.IsHost)
        {
            throw new HubException(Texts.Get("Moderation.HostCannotBeRemoved"));
        }
        if (target.Removed)
        {
            return;
        }
        await events.MarkRemovedAsync(host.EventId, attendeeId);
        RoomLog.AttendeeRemoved(logger, host.EventId, attendeeId);
        // Revoked (on every node) before they are told, so nothing they send from now on reaches the room.
        await bus.PublishAsync(RemovedTopic, attendeeId);
        await hub.Clients.User(attendeeId).Removed(new RemovedNotice(Texts.Get("Room.Removed")));
        await presence.EvictAsync(host.EventId, attendeeId);
    }

    /// <summary>On each node: the attendee's connections here may no longer act, and close once Removed reached them.</summary>
    public Task CutOffAsync(string attendeeId)
    {
        var open = connections.Revoke(attendeeId);
        if (open.Count > 0)
        {
            _ = AbortLaterAsync(open);
        }
        return Task.CompletedTask;
    }

    private async Task AbortLaterAsync(IReadOnlyList<HubCallerContext> open)
    {
        await Task.Delay(RemovalDelivery, time);
        foreach (var context in open)
        {
            context.Abort();
        }
    }

    /// <param name="refusalKey">The text (Localization/Texts.resx) that says what only the host can do.</param>
    private static void RequireHost(RoomMember member, string refusalKey)
    {
        if (!member.IsHost)
        {
            throw new HubException(Texts.Get(refusalKey));
        }
    }
}
