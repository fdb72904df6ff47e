using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.AfterLive;
using NetwerkLive.Server.Breakouts.Pairing;
using NetwerkLive.Server.Coffees;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// Runs breakouts: reads what a change needs, applies the <see cref="RoundPlanner"/>'s rules in one
/// atomic store update, then tells people and sets the event's timer. Works for host rounds and coffee
/// matches alike.
/// </summary>
public sealed partial class BreakoutService : IDisposable
{
    private readonly IEventStore _events;
    private readonly IPresenceStore _presence;
    private readonly IBreakoutStore _store;
    private readonly People _people;
    private readonly BreakoutNotifier _notifier;
    private readonly TimeProvider _time;
    private readonly BreakoutOptions _options;
    private readonly ILogger<BreakoutService> _logger;
    private readonly EventTimers _timers;
    private readonly CoffeeService _coffees;

    public BreakoutService(IEventStore events, IPresenceStore presence, IBreakoutStore store, People people, BreakoutNotifier notifier,
        TimeProvider time, IOptions<BreakoutOptions> options, ILogger<BreakoutService> logger, CoffeeService coffees)
    {
        _coffees = coffees;
        _events = events;
        _presence = presence;
        _store = store;
        _people = people;
        _notifier = notifier;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _timers = new EventTimers(time, TickAsync);
    }

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<RoundInfo> StartRoundAsync(RoomMember host, int durationSeconds, int groupSize)
    {
        RequireHost(host, "HostOnly.StartRound");
        var minSeconds = (int)Math.Ceiling(_options.MinRoundDuration.TotalSeconds);
        if (durationSeconds < minSeconds || durationSeconds > BreakoutOptions.MaxRoundSeconds)
        {
            throw new HubException(Texts.Format("Breakouts.RoundDuration", minSeconds, BreakoutOptions.MaxRoundSeconds, durationSeconds));
        }
        if (groupSize is < BreakoutOptions.MinGroupSize or > BreakoutOptions.MaxGroupSize)
        {
            throw new HubException(Texts.Format("Breakouts.GroupSize", BreakoutOptions.MinGroupSize, BreakoutOptions.MaxGroupSize, groupSize));
        }
        var ev = await EventAsync(host.EventId);
        if (ev.HasEnded())
        {
            throw new HubException(Texts.Get("AfterLive.NoRounds"));
        }
        var before = await _store.GetAsync(ev.EventId);
        RefuseIfRunning(before);

        var candidates = await AvailableAttendeesAsync(ev.EventId, before);
        RefuseIfTooFewOpen(candidates.Count);
        var (met, blocked) = await _people.HistoryOfAsync(ev, candidates);
        var roundId = Ids.New(10);
        var seed = RoundSeed(ev.EventId, before.RoundCounter + 1);
        var pairing = PairingEngine.Pair(new PairingRequest(
            [.. candidates.Select(c => new Candidate(c.AttendeeId, c.Company, c.Interests) { Ask = c.Ask, Offer = c.Offer })], groupSize, met, blocked, seed));
        var byId = candidates.ToDictionary(c => c.AttendeeId, StringComparer.Ordinal);
        var start = new RoundStart(roundId, Now, durationSeconds, groupSize, seed,
            [.. pairing.Groups.Select(g => g.Select(c => c.Id).ToList())], [.. pairing.Unplaced.Select(c => c.Id)],
            (a, b) => byId.TryGetValue(a, out var ra) && byId.TryGetValue(b, out var rb)
                && AskOfferMatch.Complementary(ra.Ask, ra.Offer, rb.Ask, rb.Offer));

        var round = await ChangeAsync(ev, (state, planner, fx) =>
        {
            RefuseIfRunning(state);
            return planner.StartRound(state, start, fx);
        });
        BreakoutLog.RoundStarted(_logger, ev.EventId, round.RoundId, round.GroupCount, round.Participants.Count);
        return Info(round);
    }

    public async Task EndRoundAsync(RoomMember host)
    {
        RequireHost(host, "HostOnly.EndRound");
        var ev = await EventAsync(host.EventId);
        await ChangeAsync(ev, (state, planner, fx) =>
        {
            _ = state.RunningRound ?? throw new HubException(Texts.Get("Breakouts.NothingToEnd"));
            planner.EndRound(state, Now, byHost: true, fx);
            return true;
        });
    }

    public async Task<RoundInfo> ExtendRoundAsync(RoomMember host, int seconds)
    {
        RequireHost(host, "HostOnly.ExtendRound");
        if (seconds is < 1 or > BreakoutOptions.MaxRoundSeconds)
        {
            throw new HubException(Texts.Format("Breakouts.ExtendBy", BreakoutOptions.MaxRoundSeconds, seconds));
        }
        var ev = await EventAsync(host.EventId);
        return await ChangeAsync(ev, (state, planner, fx) =>
        {
            var round = state.RunningRound ?? throw new HubException(Texts.Get("Breakouts.NothingToExtend"));
            planner.ExtendRound(state, seconds * 1000L, fx);
            return Info(round);
        });
    }

    /// <summary>
    /// Someone entered the room: a late joiner is placed in the running round, and the answer is where they
    /// are (what Join() returns, so a reconnect finds its group again). Reads the state once unless it places them.
    /// </summary>
    public async Task<(BreakoutAssignment? Breakout, RoundNotice? Round, GroupState? Group)> EnterAsync(AttendeeRecord attendee)
    {
        var state = await _store.GetAsync(attendee.EventId);
        if (state.RunningRound is not null && state.GroupOf(attendee.AttendeeId) is null && attendee is { Available: true, IsHost: false, Removed: false })
        {
            await OnAvailableAsync(attendee);
            state = await _store.GetAsync(attendee.EventId);
        }
        var round = state.RunningRound is { } r ? new RoundNotice(r.RoundId, r.EndsAt, r.GroupCount) : null;
        var group = state.GroupOf(attendee.AttendeeId);
        return (group is null ? null : await _notifier.AssignmentAsync(attendee.EventId, group, attendee.AttendeeId), round, group);
    }

    /// <summary>Someone present became free for networking (joined, or set themselves available): place them if a round runs.</summary>
    public async Task OnAvailableAsync(AttendeeRecord attendee)
    {
        if (!attendee.Available || attendee.IsHost || attendee.Removed)
        {
            return;
        }
        var ev = await EventAsync(attendee.EventId);
        await ChangeWithPeopleAsync(ev,
            candidates: state => LateJoinPartners(state).Append(attendee.AttendeeId),
            change: (state, planner, fx, people) =>
            {
                planner.PlaceLateJoiner(state, attendee.AttendeeId, Now, people, fx);
                return true;
            },
            needed: before => before.RunningRound is not null && before.GroupOf(attendee.AttendeeId) is null);
    }

    private static IEnumerable<string> LateJoinPartners(BreakoutState state) =>
        state.RunningRound is { } round ? round.Waiting.Concat(SmallGroupMembers(state, round)) : [];

    /// <summary>Takes the attendee out of breakouts: they left their group, became unavailable, or left the event.</summary>
    public async Task<bool> RemoveAsync(string eventId, string attendeeId, bool sitOutRound)
    {
        var ev = await EventAsync(eventId);
        return await ChangeWithPeopleAsync(ev,
            // Who may be regrouped when the attendee leaves: whoever waits, and the rest of their group.
            candidates: state => (state.RunningRound?.Waiting ?? []).Concat(state.GroupOf(attendeeId)?.Members ?? []),
            change: (state, planner, fx, people) => planner.Remove(state, attendeeId, sitOutRound, Now, people, fx),
            needed: before => before.GroupOf(attendeeId) is not null || before.CoffeeQueue.Contains(attendeeId) || before.RunningRound?.Waiting.Contains(attendeeId) == true,
            notNeeded: false);
    }

    public async Task ProposeExtensionAsync(RoomMember member)
    {
        var ev = await EventAsync(member.EventId);
        var extended = await ChangeAsync(ev, (state, planner, fx) =>
        {
            var group = state.GroupOf(member.AttendeeId) ?? throw NotInBreakout();
            return planner.ProposeExtension(state, member.AttendeeId, fx) ? group : null;
        });
        if (extended is { IsDate: true })
        {
            // A coffee room: the coffee itself ends later too (its room stays open that long).
            await _coffees.ExtendedAsync(member, extended.RoundId, extended.EndsAt);
        }
    }

    public async Task LeaveBreakoutAsync(RoomMember member)
    {
        if (!await RemoveAsync(member.EventId, member.AttendeeId, sitOutRound: true))
        {
            throw NotInBreakout();
        }
    }

    /// <summary>
    /// Does what is due for the event. The event's timer calls it; on several nodes, so does whichever node
    /// finds the event overdue (the change is atomic and idempotent, so only one call acts).
    /// </summary>
    public async Task TickAsync(string eventId)
    {
        try
        {
            var ev = await EventAsync(eventId);
            await ChangeAsync(ev, (state, planner, fx) =>
            {
                planner.Tick(state, Now, fx);
                return true;
            });
        }
        catch (Exception ex)
        {
            BreakoutLog.TickFailed(_logger, ex, eventId);
        }
    }

    private async Task<List<AttendeeRecord>> AvailableAttendeesAsync(string eventId, BreakoutState state)
    {
        var present = await _presence.GetAsync(eventId, int.MaxValue);
        var records = await _events.GetAttendeesAsync(eventId, [.. present.Attendees.Select(a => a.AttendeeId)]);
        return [.. records.Where(r => r.Available && !r.IsHost && !r.Removed && state.GroupOf(r.AttendeeId) is null && !state.CoffeeQueue.Contains(r.AttendeeId))];
    }

    private static IEnumerable<string> SmallGroupMembers(BreakoutState state, RoundState round) =>
        state.Groups.Values.Where(g => g.RoundId == round.RoundId && g.Members.Count < RoundPlanner.LateJoinCap(round.GroupSize)).SelectMany(g => g.Members);

    private async Task<EventRecord> EventAsync(string eventId) =>
        await _events.GetEventAsync(eventId) ?? throw new HubException(Texts.Get("Breakouts.EventGone"));

    private static void RefuseIfRunning(BreakoutState state)
    {
        if (state.RunningRound is { } running)
        {
            var endsAt = DateTimeOffset.FromUnixTimeMilliseconds(running.EndsAt);
            throw new HubException(Texts.Format("Breakouts.AlreadyRunning", PersonTime.Format(endsAt, "HH:mm:ss")));
        }
    }

    /// <summary>Reproducible per event and round number, so a round can be replayed in tests.</summary>
    public static int RoundSeed(string eventId, int roundNumber)
    {
        var hash = 17;
        foreach (var c in eventId)
        {
            hash = unchecked((hash * 31) + c);
        }
        return unchecked((hash * 31) + roundNumber);
    }

    private static RoundInfo Info(RoundState round) => new(round.RoundId, round.GroupCount, round.Participants.Count, round.EndsAt);

    private static HubException NotInBreakout() => new(Texts.Get("Breakouts.NotInBreakout"));

    /// <param name="refusalKey">The text (Localization/Texts.resx) that says what only the host can do.</param>
    internal static void RequireHost(RoomMember member, string refusalKey)
    {
        if (!member.IsHost)
        {
            throw new HubException(Texts.Get(refusalKey));
        }
    }

    public void Dispose() => _timers.Dispose();
}

internal static partial class BreakoutLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Round {RoundId} started in event {EventId}: {GroupCount} groups, {ParticipantCount} people")]
    public static partial void RoundStarted(ILogger logger, string eventId, string roundId, int groupCount, int participantCount);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Breakout timer of event {EventId} failed")]
    public static partial void TickFailed(ILogger logger, Exception exception, string eventId);
}
