using NetwerkLive.Contracts;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Server.Storage;

/// <summary>Two people were put in one breakout group. Person ids identify people across a series.</summary>
public sealed record Meeting(string RoundId, string A, string B, string PersonA, string PersonB, bool CrossCompany, bool New, long At);

/// <summary>An attendee's current breakout group as the hot paths need it: its round, its id, its members, whether its call connected.</summary>
public sealed record MemberGroup(string RoundId, string GroupId, IReadOnlyList<string> Members, bool CallConnected)
{
    public static MemberGroup Of(GroupState group) => new(group.RoundId, group.GroupId, [.. group.Members], group.CallConnected);
}

/// <summary>Breakout rounds, groups and queue of an event, and the memory of who met whom.</summary>
public interface IBreakoutStore
{
    /// <summary>A copy of the event's breakout state (an empty one when there is none yet).</summary>
    Task<BreakoutState> GetAsync(string eventId, CancellationToken ct = default);

    /// <summary>
    /// The group <paramref name="attendeeId"/> is in now, or null, as of the latest change, without a copy of the
    /// whole state: every call signal and breakout chat message asks it (a round's start sends thousands).
    /// </summary>
    Task<MemberGroup?> GetGroupOfAsync(string eventId, string attendeeId, CancellationToken ct = default);

    /// <summary>
    /// Runs <paramref name="change"/> on a private copy of the state and saves the copy when it returns.
    /// The change is atomic: concurrent changes to one event never interleave. It may run more than once
    /// (optimistic concurrency), so it must not have side effects: act on its result afterwards.
    /// When it throws, nothing is saved. The private chat of every group the change ended goes with it.
    /// </summary>
    Task<T> UpdateAsync<T>(string eventId, Func<BreakoutState, T> change, CancellationToken ct = default);

    /// <summary>
    /// Events whose <see cref="BreakoutState.NextDueAt"/> is at or before <paramref name="now"/>, at most
    /// <paramref name="limit"/>, most overdue first. Each change saves the state's due time with it, so a node
    /// can take over the timers of one that died.
    /// </summary>
    Task<IReadOnlyList<string>> GetDueAsync(long now, int limit, CancellationToken ct = default);

    /// <summary>
    /// Remembers meetings for the event's report and for repeat avoidance across the series. Idempotent per
    /// round and pair: two people grouped again in the same round (someone left and came back) are one meeting,
    /// and the first record of it stays.
    /// </summary>
    Task RecordMeetingsAsync(string eventId, string seriesId, IReadOnlyList<Meeting> meetings, CancellationToken ct = default);

    Task<IReadOnlyList<Meeting>> GetMeetingsAsync(string eventId, CancellationToken ct = default);

    /// <summary>Every pair of person ids that met in any event of the series.</summary>
    Task<IReadOnlySet<PairKey>> GetSeriesMeetingsAsync(string seriesId, CancellationToken ct = default);

    Task AddBlockAsync(string seriesId, PairKey persons, CancellationToken ct = default);

    /// <summary>Pairs of person ids that must never be grouped again in the series.</summary>
    Task<IReadOnlySet<PairKey>> GetBlocksAsync(string seriesId, CancellationToken ct = default);

    /// <summary>
    /// Records that <paramref name="requester"/> wants to meet <paramref name="target"/> again. True when this
    /// request made the pair mutual (<paramref name="target"/> had already asked); false for every request after that.
    /// </summary>
    Task<bool> RequestFollowUpAsync(string eventId, string requester, string target, CancellationToken ct = default);

    /// <summary>Pairs of attendee ids who both asked.</summary>
    Task<IReadOnlyList<PairKey>> GetMutualFollowUpsAsync(string eventId, CancellationToken ct = default);

    /// <summary>
    /// Forgets every follow-up between the two attendees in the event, in both directions, mutual or not, and coffee
    /// requests from the board (one blocked the other): a later request by either starts from nothing.
    /// </summary>
    Task WithdrawFollowUpsAsync(string eventId, PairKey attendees, CancellationToken ct = default);

    /// <summary>
    /// A coffee request from the board: <paramref name="requester"/> asked <paramref name="target"/>, whom they have not
    /// met. True when it is new (not pending already, and not declined before: asking again after a no stays unseen).
    /// </summary>
    Task<bool> AddCoffeeRequestAsync(string eventId, string requester, string target, CancellationToken ct = default);

    /// <summary>Who has a coffee request to <paramref name="target"/> pending (neither declined nor withdrawn by a block).</summary>
    Task<IReadOnlyList<string>> GetCoffeeRequestsToAsync(string eventId, string target, CancellationToken ct = default);

    /// <summary><paramref name="target"/> said no: the request is no longer pending, and asking again does not bring it back.</summary>
    Task DeclineCoffeeRequestAsync(string eventId, string requester, string target, CancellationToken ct = default);

    /// <summary>
    /// Appends to the private chat of the message's group, keeping the newest <see cref="BreakoutMemory.BreakoutChatKept"/>. The chat
    /// lives while the group does: the update that ends the group deletes it.
    /// </summary>
    Task AppendBreakoutChatAsync(string eventId, BreakoutChatMessage message, CancellationToken ct = default);

    /// <summary>Keeps <paramref name="broadcast"/> as the event's latest host broadcast to the breakouts.</summary>
    Task SetBroadcastAsync(string eventId, Announcement broadcast, CancellationToken ct = default);

    /// <summary>
    /// What an attendee's breakouts left them, in one read: whom they met (oldest first), their follow-up requests
    /// (not yet mutual, and mutual), and, when <paramref name="groupId"/> names their current group, its chat (oldest
    /// first) and the event's latest broadcast (the caller decides whether the group saw it).
    /// </summary>
    Task<BreakoutMemory> RecallAsync(string eventId, string attendeeId, string? groupId, CancellationToken ct = default);
}

/// <summary>What <see cref="IBreakoutStore.RecallAsync"/> returns. <see cref="Asked"/> leaves out the <see cref="Matched"/> ones.</summary>
public sealed record BreakoutMemory(
    IReadOnlyList<string> Met,
    IReadOnlyList<string> Asked,
    IReadOnlyList<string> Matched,
    IReadOnlyList<BreakoutChatMessage> Chat,
    Announcement? Broadcast)
{
    /// <summary>How many messages of a group's private chat are kept (and given back on Join).</summary>
    public const int BreakoutChatKept = 50;
}
