using MessagePack;

namespace NetwerkLive.Contracts;

/// <summary>What <c>StartRound</c> and <c>ExtendRound</c> return to the host.</summary>
[MessagePackObject]
public sealed record RoundInfo(
    [property: Key("roundId")] string RoundId,
    [property: Key("groupCount")] int GroupCount,
    [property: Key("participantCount")] int ParticipantCount,
    [property: Key("endsAt")] long EndsAt);

/// <summary>Sent to everyone in the event when a host round starts.</summary>
[MessagePackObject]
public sealed record RoundNotice(
    [property: Key("roundId")] string RoundId,
    [property: Key("endsAt")] long EndsAt,
    [property: Key("groupCount")] int GroupCount);

/// <summary>Sent to everyone in the event when a host round ends.</summary>
[MessagePackObject]
public sealed record RoundEndedNotice(
    [property: Key("roundId")] string RoundId);

/// <summary>
/// A participant's place in a breakout: who they meet, until when, and where. Coffee-queue matches
/// carry a roundId starting with "coffee-".
/// </summary>
[MessagePackObject]
public sealed record BreakoutAssignment(
    [property: Key("roundId")] string RoundId,
    [property: Key("groupId")] string GroupId,
    [property: Key("partners")] Attendee[] Partners,
    [property: Key("endsAt")] long EndsAt,
    [property: Key("meetingUrl")] string? MeetingUrl)
{
    /// <summary>The ids of partners whose connection is lost right now (a PartnerConnection push tells when that changes).</summary>
    [Key("connectionLost")] public string[] ConnectionLost { get; init; } = [];
}

/// <summary>Told to an available attendee for whom there is nobody to meet yet in this round.</summary>
[MessagePackObject]
public sealed record BreakoutWaitingNotice(
    [property: Key("roundId")] string RoundId,
    [property: Key("endsAt")] long EndsAt);

[MessagePackObject]
public sealed record BreakoutEndedNotice(
    [property: Key("roundId")] string RoundId,
    [property: Key("groupId")] string GroupId);

/// <summary>One minute's warning, or a new end time after an extension.</summary>
[MessagePackObject]
public sealed record BreakoutTimeNotice(
    [property: Key("roundId")] string RoundId,
    [property: Key("groupId")] string GroupId,
    [property: Key("endsAt")] long EndsAt);

[MessagePackObject]
public sealed record PartnerLeftNotice(
    [property: Key("roundId")] string RoundId,
    [property: Key("groupId")] string GroupId,
    [property: Key("attendeeId")] string AttendeeId);

/// <summary>A group member asked for five more minutes; the group gets them when everyone asked.</summary>
[MessagePackObject]
public sealed record ExtensionProposedNotice(
    [property: Key("roundId")] string RoundId,
    [property: Key("groupId")] string GroupId,
    [property: Key("attendeeId")] string AttendeeId);

[MessagePackObject]
public sealed record BreakoutChatMessage(
    [property: Key("roundId")] string RoundId,
    [property: Key("groupId")] string GroupId,
    [property: Key("senderId")] string SenderId,
    [property: Key("senderName")] string SenderName,
    [property: Key("text")] string Text,
    [property: Key("sentAt")] long SentAt);

/// <summary>
/// A partner's last connection closed (<see cref="Connected"/> false: they may be back within the grace period)
/// or they are back (true).
/// </summary>
[MessagePackObject]
public sealed record PartnerConnectionNotice(
    [property: Key("roundId")] string RoundId,
    [property: Key("groupId")] string GroupId,
    [property: Key("attendeeId")] string AttendeeId,
    [property: Key("connected")] bool Connected);

/// <summary>
/// The follow-ups an attendee asked for, as <c>Join()</c> gives them back: <see cref="Asked"/> the attendee ids not
/// (yet) mutual, <see cref="Matched"/> the mutual ones, as the FollowUpMatched push carried them.
/// </summary>
[MessagePackObject]
public sealed record FollowUpState(
    [property: Key("asked")] string[] Asked,
    [property: Key("matched")] FollowUpMatch[] Matched)
{
    public static readonly FollowUpState None = new([], []);

    /// <summary>People who asked the caller for a coffee from the board and are not answered yet (FollowUpRequested pushes).</summary>
    [Key("requestedBy")] public Attendee[] RequestedBy { get; init; } = [];
}

/// <summary>Both asked for a follow-up: here is the other's private contact.</summary>
[MessagePackObject]
public sealed record FollowUpMatch(
    [property: Key("attendee")] Attendee Attendee,
    [property: Key("contact")] string? Contact);

/// <summary>The answer to <c>FindCoffeePartner</c>: matched at once (a BreakoutStarted follows) or waiting in the queue.</summary>
[MessagePackObject]
public sealed record CoffeeQueueStatus(
    [property: Key("matched")] bool Matched,
    [property: Key("waiting")] int Waiting);
