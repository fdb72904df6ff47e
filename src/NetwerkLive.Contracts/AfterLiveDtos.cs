using MessagePack;

namespace NetwerkLive.Contracts;

/// <summary>
/// "Ik zoek / Ik bied": one current question or challenge (an attendee's ask) or one thing they can help with (their
/// offer). <see cref="Text"/> 1..200 characters (the room's text rules); <see cref="Tags"/> at most 3 of the host's
/// interest tags, in the tag's spelling. Public within the event; never a contact.
/// </summary>
[MessagePackObject]
public sealed record AskOffer(
    [property: Key("text")] string Text,
    [property: Key("tags")] string[] Tags);

/// <summary>
/// One person on the asks and offers board (<c>GetBoard</c>): everyone registered for the event (not only those in the
/// room now) with an ask or an offer, but not the host, not someone removed, and not someone blocked either way.
/// <see cref="Present"/>: in the room now.
/// </summary>
[MessagePackObject]
public sealed record BoardEntry(
    [property: Key("attendee")] Attendee Attendee,
    [property: Key("present")] bool Present);

/// <summary>
/// Someone who has not met the receiver asked them for a coffee from the board (<c>RequestFollowUp</c>); answered by
/// asking back (the two then match as any follow-up) or by <c>DeclineFollowUp</c> (the asker is never told).
/// </summary>
[MessagePackObject]
public sealed record FollowUpRequestNotice(
    [property: Key("attendee")] Attendee Attendee);

/// <summary>
/// The host ended the event's live part (<c>EndLive</c>), or changed the replay or the chat afterwards.
/// <see cref="ReplayUrl"/>: the recording (https, shown as the livestream is); <see cref="ChatOpen"/>: whether the room's
/// chat stays open (read-only otherwise); <see cref="OpenUntil"/>: until when people may still register, use the board
/// and the coffee queue (<c>AfterLive:OpenFor</c> after <see cref="EndedAt"/>).
/// </summary>
[MessagePackObject]
public sealed record LiveEndedNotice(
    [property: Key("endedAt")] long EndedAt,
    [property: Key("replayUrl")] string? ReplayUrl,
    [property: Key("chatOpen")] bool ChatOpen,
    [property: Key("openUntil")] long OpenUntil);

/// <summary>
/// An online coffee between the two people of a mutual follow-up, as one of them sees it (<see cref="With"/> is the
/// other). Made when the follow-up becomes mutual (state "open"); either proposes times (<see cref="MyTimes"/>, the
/// other's in <see cref="TheirTimes"/>), either accepts one of the other's ("agreed": <see cref="StartsAt"/>,
/// <see cref="EndsAt"/>, <see cref="RoomOpensAt"/>); either cancels. States: <see cref="CoffeeDateStates"/>.
/// <see cref="CancelledByMe"/>: who cancelled, when cancelled (a block cancels as the other's cancel would look).
/// <see cref="Entered"/>: attendee ids who entered the coffee room (both: the coffee was held).
/// </summary>
[MessagePackObject]
public sealed record CoffeeDate(
    [property: Key("dateId")] string DateId,
    [property: Key("with")] Attendee With,
    [property: Key("state")] string State,
    [property: Key("myTimes")] long[] MyTimes,
    [property: Key("theirTimes")] long[] TheirTimes,
    [property: Key("startsAt")] long? StartsAt,
    [property: Key("endsAt")] long? EndsAt,
    [property: Key("roomOpensAt")] long? RoomOpensAt,
    [property: Key("cancelledByMe")] bool? CancelledByMe,
    [property: Key("entered")] string[] Entered);

/// <summary>The states of a <see cref="CoffeeDate"/>.</summary>
public static class CoffeeDateStates
{
    /// <summary>No time agreed yet (times may be proposed on either side).</summary>
    public const string Open = "open";

    /// <summary>A time was accepted: the room opens at roomOpensAt and closes at endsAt.</summary>
    public const string Agreed = "agreed";

    /// <summary>One of the two cancelled (or blocked the other, which looks the same to them).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Open, and every proposed time has passed; proposing new times opens it again.</summary>
    public const string Expired = "expired";

    /// <summary>Agreed, its end passed, and both entered the room.</summary>
    public const string Held = "held";

    /// <summary>Agreed, its end passed, and not both entered the room.</summary>
    public const string Missed = "missed";
}
