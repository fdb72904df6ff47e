using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Video;

/// <summary>
/// The server's part of a breakout call: it relays signalling between members of one live group (and nobody
/// else; its budget is taken with every hub call's, see LimitRules.ForHubCall), hands out ICE servers, and counts calls that connected. Media never passes through it.
/// </summary>
public sealed class VideoCallService(IBreakoutStore store, AttendeeMessenger messenger,
    IceServerIssuer iceServers, IOptions<VideoOptions> options)
{
    public async Task SendSignalAsync(RoomMember sender, string? groupId, string? toAttendeeId, string? payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            throw new HubException(Texts.Get("Video.EmptySignal"));
        }
        if (payload.Length > options.Value.MaxSignalChars)
        {
            throw new HubException(Texts.Format("Video.SignalTooLarge", options.Value.MaxSignalChars));
        }
        var group = await store.GetGroupOfAsync(sender.EventId, sender.AttendeeId);
        if (group is null || group.GroupId != groupId)
        {
            throw new HubException(Texts.Get("Video.GroupEnded"));
        }
        if (toAttendeeId is null || toAttendeeId == sender.AttendeeId || !group.Members.Contains(toAttendeeId))
        {
            throw new HubException(Texts.Get("Video.NotAPartner"));
        }
        var notice = new CallSignalNotice(group.RoundId, group.GroupId, sender.AttendeeId, payload);
        await messenger.SendAsync(toAttendeeId, client => client.CallSignal(notice));
    }

    /// <summary>
    /// Counted by the report (breakouts with a connected call); only the caller's current group. Every member of a
    /// group reports, so only the first report writes: the others find the group counted already.
    /// </summary>
    public async Task ReportConnectedAsync(RoomMember member, string? groupId)
    {
        if (await store.GetGroupOfAsync(member.EventId, member.AttendeeId) is not { } group || group.GroupId != groupId)
        {
            throw new HubException(Texts.Get("Video.GroupEnded"));
        }
        if (!group.CallConnected)
        {
            // The group may have ended since the read: then there is nothing left to count it in, and nothing changes.
            await store.UpdateAsync(member.EventId, s => s.GroupOf(member.AttendeeId) is { } g && g.GroupId == groupId && s.RecordCallConnected(g));
        }
    }

    public Task<IceConfig> GetIceServersAsync(RoomMember member) => Task.FromResult(iceServers.IssueFor(member.AttendeeId));
}
