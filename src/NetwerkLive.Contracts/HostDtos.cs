using MessagePack;

namespace NetwerkLive.Contracts;

/// <summary>
/// The host's live view of the breakouts: pushed as <c>BreakoutOverview</c> to the host's connections only (never to
/// attendees: it names who is with whom), within a second of any change, and given in <c>JoinResult.hostOverview</c>
/// to a host who (re)joins. Always whole (no deltas): a client replaces what it shows.
/// <see cref="Counts"/> agree with the lists: <c>inBreakouts</c> is the number of members of <see cref="Groups"/> whose
/// state is not "left", <c>waiting</c> the length of <see cref="Waiting"/>.
/// </summary>
[MessagePackObject]
public sealed record BreakoutOverview(
    [property: Key("round")] OverviewRound? Round,
    [property: Key("groups")] OverviewGroup[] Groups,
    [property: Key("waiting")] OverviewPerson[] Waiting,
    [property: Key("satOut")] OverviewPerson[] SatOut,
    [property: Key("counts")] OverviewCounts Counts,
    [property: Key("generatedAt")] long GeneratedAt);

/// <summary>The running host round. <see cref="Number"/> counts the event's rounds from 1 (what a person reads; ids are not for people).</summary>
[MessagePackObject]
public sealed record OverviewRound(
    [property: Key("roundId")] string RoundId,
    [property: Key("number")] int Number,
    [property: Key("startedAt")] long StartedAt,
    [property: Key("endsAt")] long EndsAt,
    [property: Key("groupSize")] int GroupSize);

/// <summary>
/// A live group: of the running round (<see cref="Kind"/> "round") or a coffee chat ("coffee"; a pair the host made
/// between rounds is one too). <see cref="ExtensionVotes"/>: the ids of the members who asked for more time.
/// <see cref="Members"/> holds who is in it and who left it early (state "left").
/// </summary>
[MessagePackObject]
public sealed record OverviewGroup(
    [property: Key("groupId")] string GroupId,
    [property: Key("roundId")] string RoundId,
    [property: Key("kind")] string Kind,
    [property: Key("startedAt")] long StartedAt,
    [property: Key("endsAt")] long EndsAt,
    [property: Key("members")] OverviewMember[] Members,
    [property: Key("extensionVotes")] string[] ExtensionVotes);

/// <summary>A member of a group as the host sees them; <see cref="State"/> is one of <see cref="MemberStates"/>.</summary>
[MessagePackObject]
public sealed record OverviewMember(
    [property: Key("attendeeId")] string AttendeeId,
    [property: Key("displayName")] string DisplayName,
    [property: Key("company")] string? Company,
    [property: Key("state")] string State);

/// <summary>Someone waiting for a group, or who sat the round out. Never a contact.</summary>
[MessagePackObject]
public sealed record OverviewPerson(
    [property: Key("attendeeId")] string AttendeeId,
    [property: Key("displayName")] string DisplayName,
    [property: Key("company")] string? Company);

/// <summary>
/// <see cref="Present"/>: attendees in the room (the host not counted); <see cref="Open"/>: of those, open for
/// networking; <see cref="InBreakouts"/>: members of live groups (a member whose connection is lost still counts);
/// <see cref="Waiting"/>: open, present, in no group and not sat out of the running round (the coffee queue included).
/// </summary>
[MessagePackObject]
public sealed record OverviewCounts(
    [property: Key("present")] int Present,
    [property: Key("open")] int Open,
    [property: Key("inBreakouts")] int InBreakouts,
    [property: Key("waiting")] int Waiting);

/// <summary>A group member's state in <see cref="OverviewMember.State"/>.</summary>
public static class MemberStates
{
    /// <summary>In the group and connected.</summary>
    public const string InGroup = "inGroup";

    /// <summary>Still in the group, with no connection right now (they keep their place for the reconnect grace).</summary>
    public const string ConnectionLost = "connectionLost";

    /// <summary>Was in the group and left it early (left the breakout or the event, or was moved away).</summary>
    public const string Left = "left";
}

/// <summary>Kinds of <see cref="OverviewGroup"/>.</summary>
public static class GroupKinds
{
    public const string Round = "round";
    public const string Coffee = "coffee";

    /// <summary>A private coffee room of two people with an agreed time (EnterCoffeeRoom): never in the host's overview.</summary>
    public const string Date = "date";
}

/// <summary>The host opened the event's live part (before its start time, or at it): the lobby becomes the room.</summary>
[MessagePackObject]
public sealed record EventLiveNotice(
    [property: Key("liveAt")] long LiveAt);
