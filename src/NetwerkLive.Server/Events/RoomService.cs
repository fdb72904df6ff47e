using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Auth;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Moderation;
using NetwerkLive.Server.Presence;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Events;

/// <summary>Entering and leaving an event's live room, and what a person sees when they enter.</summary>
public sealed class RoomService(
    IEventStore events,
    IPresenceStore presenceStore,
    IChatStore chat,
    PresenceService presence,
    BreakoutService breakouts,
    BreakoutRecall recall,
    PartnerConnections partners,
    HostOverview hostOverview,
    ConnectionRegistry connections,
    IHubContext<EventHub, IEventClient> hub,
    IOptions<RoomOptions> options,
    IOptions<RedisOptions> redis,
    NodeIdentity node,
    ILogger<RoomService> logger,
    Coffees.CoffeeService coffees)
{
    private const string MemberKey = "netwerklive.member";

    public async Task<JoinResult> JoinAsync(HubCallerContext context)
    {
        var caller = EventCaller.From(context.User)
            ?? throw new HubException(Texts.Get("Room.NoEventInToken"));
        var record = await events.GetEventAsync(caller.EventId)
            ?? throw new HubException(Texts.Get("Room.EventGone"));
        var self = await events.GetAttendeeAsync(caller.EventId, caller.AttendeeId)
            ?? throw new HubException(Texts.Get("Room.RegistrationGone"));
        if (self.Removed)
        {
            // The push first, on this connection: a client shows its removed page from it, without reading the refusal.
            await hub.Clients.Client(context.ConnectionId).Removed(new RemovedNotice(Texts.Get("Room.Removed")));
            throw new HubException(Texts.Get("Room.Removed"));
        }
        // The token was checked when the connection opened; it may have been replaced since.
        if (self.TokenVersion != caller.TokenVersion)
        {
            throw new HubException(Texts.Get("Auth.HostLinkReplaced"));
        }

        // Into the group before the snapshot, so no change between the two is missed (clients upsert by id).
        await hub.Groups.AddToGroupAsync(context.ConnectionId, EventGroups.Room(caller.EventId));
        if (redis.Value.Enabled)
        {
            await hub.Groups.AddToGroupAsync(context.ConnectionId, EventGroups.RoomOnNode(caller.EventId, node.NodeId));
        }
        if (self.IsHost)
        {
            await hub.Groups.AddToGroupAsync(context.ConnectionId, EventGroups.Hosts(caller.EventId));
        }
        context.Items[MemberKey] = new RoomMember(caller.EventId, caller.AttendeeId, self.IsHost, self.DisplayName)
        {
            Client = Limits.ClientAddress.Of(context.GetHttpContext()),
        };
        connections.Add(caller.AttendeeId, context);
        var (joinedAt, connected) = await presence.ConnectAsync(self, context.ConnectionId);
        RoomLog.Joined(logger, caller.EventId, caller.AttendeeId, context.ConnectionId);

        var announcement = chat.GetAnnouncementAsync(caller.EventId);
        var snapshot = await presenceStore.GetAsync(caller.EventId, options.Value.AttendeesOnJoin);
        var records = await events.GetAttendeesAsync(caller.EventId, [.. snapshot.Attendees.Select(a => a.AttendeeId)]);
        var byId = records.ToDictionary(r => r.AttendeeId, StringComparer.Ordinal);
        var attendees = snapshot.Attendees
            .Where(p => byId.ContainsKey(p.AttendeeId))
            .Select(p => byId[p.AttendeeId].ToDto(p.JoinedAt))
            .ToArray();
        var history = await chat.GetLatestAsync(caller.EventId, options.Value.ChatOnJoin);

        // A late joiner is placed in the running round; someone reconnecting finds their group again.
        var (breakout, round, group) = await breakouts.EnterAsync(self);
        if (connected != ConnectOutcome.AnotherConnection && breakout is not null)
        {
            // Their partners were told the connection was lost (or they were absent): they are back.
            await partners.BackAsync(self.AttendeeId, breakout);
        }
        var recalled = await recall.RecallAsync(record, self, group);

        return new JoinResult(
            record.ToSummary(snapshot.Count),
            self.ToDto(joinedAt),
            attendees,
            snapshot.Count,
            [.. history],
            breakout,
            round)
        {
            Announcement = await announcement,
            BreakoutChat = recalled.BreakoutChat,
            Broadcast = recalled.Broadcast,
            FollowUps = recalled.FollowUps,
            Met = recalled.Met,
            HostOverview = self.IsHost ? await hostOverview.BuildAsync(record) : null,
            CoffeeDates = await coffees.ListAsync(record, self),
        };
    }

    public async Task SetAvailableAsync(RoomMember member, bool available)
    {
        var updated = await events.SetAvailableAsync(member.EventId, member.AttendeeId, available)
            ?? throw new HubException(Texts.Get("Room.RegistrationNotFound"));
        await presence.UpdatedAsync(updated);
        if (available)
        {
            await breakouts.OnAvailableAsync(updated);
        }
        else
        {
            await breakouts.RemoveAsync(member.EventId, member.AttendeeId, sitOutRound: false);
        }
    }

    public async Task LeaveAsync(HubCallerContext context)
    {
        if (Member(context) is { } member)
        {
            connections.Remove(member.AttendeeId, context.ConnectionId);
            await presence.DisconnectAsync(member.EventId, member.AttendeeId, context.ConnectionId);
        }
    }

    /// <summary>
    /// Puts this node's connections back in the shared presence after the store lost them (the node had
    /// counted as dead, or Redis restarted empty). Returns how many were put back.
    /// </summary>
    public async Task<int> RestoreConnectionsAsync()
    {
        var restored = 0;
        // One read of the records per event, not one per connection.
        var byEvent = connections.All()
            .Select(context => (Context: context, Member: Member(context)))
            .Where(c => c.Member is not null)
            .GroupBy(c => c.Member!.EventId, StringComparer.Ordinal);
        foreach (var inEvent in byEvent)
        {
            var records = (await events.GetAttendeesAsync(inEvent.Key, [.. inEvent.Select(c => c.Member!.AttendeeId).Distinct(StringComparer.Ordinal)]))
                .ToDictionary(r => r.AttendeeId, StringComparer.Ordinal);
            foreach (var (context, member) in inEvent)
            {
                if (records.TryGetValue(member!.AttendeeId, out var record) && !record.Removed)
                {
                    if ((await presence.ConnectAsync(record, context.ConnectionId)).Outcome != ConnectOutcome.AnotherConnection)
                    {
                        // Counted as gone meanwhile (their partners heard so): they never were, so the partners hear they are back.
                        await partners.BackAsync(record.EventId, record.AttendeeId);
                    }
                    restored++;
                }
            }
        }
        return restored;
    }

    /// <summary>Who a hub call acts as: refused before Join() and once the host has removed the attendee.</summary>
    public RoomMember ActingMember(HubCallerContext context)
    {
        if (connections.IsRevoked(context.ConnectionId))
        {
            throw new HubException(Texts.Get("Room.Removed"));
        }
        return Member(context) ?? throw new HubException(Texts.Get("Room.JoinFirst"));
    }

    /// <summary>The member a connection joined as, or null when it has not called Join() yet.</summary>
    public static RoomMember? Member(HubCallerContext context) =>
        context.Items.TryGetValue(MemberKey, out var member) ? member as RoomMember : null;
}
