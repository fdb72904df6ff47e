using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// The host's steering by hand. Each is one atomic change through <see cref="ChangeWithPeopleAsync{T}"/> or
/// <see cref="ChangeAsync{T}"/>, so it is compare-and-set on Redis, tells people through the effects, and keeps who met
/// for the report; the rules are the planner's (HostSteering.cs).
/// </summary>
public sealed partial class BreakoutService
{
    public async Task PairWaitingAsync(RoomMember host, string? attendeeId, string? otherAttendeeId)
    {
        RequireHost(host, "HostOnly.PairWaiting");
        var ev = await EventAsync(host.EventId);
        var pair = await KnownAttendeesAsync(ev.EventId, attendeeId, otherAttendeeId);
        var open = await OpenAsync(ev.EventId, pair);
        var group = await ChangeWithPeopleAsync<GroupState>(ev,
            candidates: _ => pair.Select(p => p.AttendeeId),
            change: (state, planner, fx, people) => planner.PairWaiting(state, pair[0].AttendeeId, pair[^1].AttendeeId, Now, people, open, fx));
        BreakoutLog.PairedByHost(_logger, ev.EventId, group.GroupId);
    }

    public async Task MoveToGroupAsync(RoomMember host, string? attendeeId, string? groupId)
    {
        RequireHost(host, "HostOnly.MoveToGroup");
        var ev = await EventAsync(host.EventId);
        var mover = await KnownAttendeesAsync(ev.EventId, attendeeId);
        var open = await OpenAsync(ev.EventId, mover);
        var id = mover[0].AttendeeId;
        await ChangeWithPeopleAsync(ev,
            // The mover, the group they join, and whoever may be regrouped when they leave theirs (as in RemoveAsync).
            candidates: state => (state.RunningRound?.Waiting ?? []).Concat(state.GroupOf(id)?.Members ?? []).Append(id)
                .Concat(state.Groups.GetValueOrDefault(groupId ?? "")?.Members ?? []),
            change: (state, planner, fx, people) => planner.MoveToGroup(state, id, groupId ?? "", Now, people, open, fx));
        BreakoutLog.MovedByHost(_logger, ev.EventId, groupId!);
    }

    public async Task EndGroupAsync(RoomMember host, string? groupId)
    {
        RequireHost(host, "HostOnly.EndGroup");
        var ev = await EventAsync(host.EventId);
        await ChangeAsync(ev, (state, planner, fx) =>
        {
            planner.EndGroupEarly(state, groupId ?? "", fx);
            return true;
        });
        BreakoutLog.GroupEndedByHost(_logger, ev.EventId, groupId!);
    }

    /// <summary>A round for fewer than two open people would leave its one person waiting alone the whole round.</summary>
    private static void RefuseIfTooFewOpen(int open)
    {
        if (open < BreakoutOptions.MinGroupSize)
        {
            throw new HubException(Texts.Count("Breakouts.TooFewOpen", open, BreakoutOptions.MinGroupSize));
        }
    }

    /// <summary>
    /// The records of the attendees named, in that order; refused for an id that names nobody in the event, or someone
    /// removed (checked before the change: a change retries while it meets people whose records it has not read).
    /// </summary>
    private async Task<List<AttendeeRecord>> KnownAttendeesAsync(string eventId, params string?[] attendeeIds)
    {
        var named = attendeeIds.Select(id => id ?? "").ToList();
        var records = named.All(id => id.Length > 0)
            ? (await _events.GetAttendeesAsync(eventId, [.. named.Distinct(StringComparer.Ordinal)])).ToDictionary(r => r.AttendeeId, StringComparer.Ordinal)
            : [];
        return [.. named.Select(id => records.GetValueOrDefault(id) is { Removed: false } record
            ? record
            : throw new HubException(Texts.Get("Steering.NotInEvent")))];
    }

    /// <summary>Which of them are present and open for networking now (the rest of "waiting" is the state's to say).</summary>
    private async Task<Func<string, bool>> OpenAsync(string eventId, IReadOnlyList<AttendeeRecord> people)
    {
        var present = await _presence.GetStatusAsync(eventId, [.. people.Select(p => p.AttendeeId)]);
        var open = people.Where(p => p is { Available: true, IsHost: false } && present.ContainsKey(p.AttendeeId))
            .Select(p => p.AttendeeId).ToHashSet(StringComparer.Ordinal);
        return open.Contains;
    }
}

internal static partial class BreakoutLog
{
    [LoggerMessage(EventId = 4040, Level = LogLevel.Information, Message = "The host of event {EventId} paired two waiting people in group {GroupId}")]
    public static partial void PairedByHost(ILogger logger, string eventId, string groupId);

    [LoggerMessage(EventId = 4041, Level = LogLevel.Information, Message = "The host of event {EventId} moved someone into group {GroupId}")]
    public static partial void MovedByHost(ILogger logger, string eventId, string groupId);

    [LoggerMessage(EventId = 4042, Level = LogLevel.Information, Message = "The host of event {EventId} ended group {GroupId}")]
    public static partial void GroupEndedByHost(ILogger logger, string eventId, string groupId);
}
