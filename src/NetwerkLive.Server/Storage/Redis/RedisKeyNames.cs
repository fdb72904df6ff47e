namespace NetwerkLive.Server.Storage.Redis;

/// <summary>
/// The names (without the key prefix) of the keys that keep what a reload needs: one place for them, used by the
/// stores that write them and by <see cref="RedisExpiry.EventKeys"/>. docs/redis.md lists them.
/// </summary>
public static class RedisKeyNames
{
    /// <summary>
    /// Once the live part ended: until when (epoch ms) the event stays open. Every touch keeps the event's keys the
    /// retention past it (<see cref="RedisExpiry"/>), so people can still register and meet until then.
    /// </summary>
    public static string KeepUntil(string eventId) => "ev:" + eventId + ":keep";

    /// <summary>The event's latest host announcement (MessagePack).</summary>
    public static string Announcement(string eventId) => "chat:" + eventId + ":ann";

    /// <summary>The event's latest host broadcast to the breakouts (MessagePack).</summary>
    public static string Broadcast(string eventId) => "bo:" + eventId + ":broadcast";

    /// <summary>
    /// Who met whom, per attendee: a sorted set of <c>{attendee}|{at, 13 digits}|{other}</c>, all scored 0, read by
    /// lexicographic range per attendee (oldest first).
    /// </summary>
    public static string Met(string eventId) => "bo:" + eventId + ":met";

    /// <summary>Follow-up requests per requester: <c>{requester}|{target}</c>, all scored 0, read by lexicographic range.</summary>
    public static string Asked(string eventId) => "fu:" + eventId + ":asked";

    /// <summary>Mutual follow-ups per attendee, both ways: <c>{attendee}|{other}</c>, all scored 0.</summary>
    public static string Matched(string eventId) => "fu:" + eventId + ":matched";

    /// <summary>Pending coffee requests from the board, per receiver: <c>{target}|{requester}</c>, all scored 0.</summary>
    public static string CoffeeRequests(string eventId) => "fu:" + eventId + ":board";

    /// <summary>Coffee requests from the board that were declined (<c>{target}|{requester}</c>): asking again stays unseen.</summary>
    public static string DeclinedCoffeeRequests(string eventId) => "fu:" + eventId + ":board:declined";

    /// <summary>
    /// The asks and offers board's index: attendee ids with an ask or an offer (not removed), scored by their
    /// registration time, read newest first. Changed in the transaction that changes the attendee's record.
    /// </summary>
    public static string AskOrOffer(string eventId) => "ev:" + eventId + ":asks";

    /// <summary>
    /// A live group's private chat: a list of MessagePack messages, the newest 50. Deleted with the group; not in
    /// <see cref="RedisExpiry.EventKeys"/> (there is one per group), so each append sets its retention itself.
    /// </summary>
    public static string GroupChat(string eventId, string groupId) => "bo:" + eventId + ":g:" + groupId + ":chat";

    /// <summary>
    /// An event's coffees: a hash (<c>v</c> = version, <c>doc</c> = MessagePack of <see cref="Coffees.CoffeeBook"/>). Not in
    /// <see cref="RedisExpiry.EventKeys"/>: it lives the retention after its last change or after its latest coffee's end,
    /// whichever is later (a coffee may be agreed up to 60 days ahead), which every write sets.
    /// </summary>
    public static string Coffees(string eventId) => "cf:" + eventId;

    /// <summary>Pending coffee reminders of all events: a sorted set of <c>{eventId}|{dateId}</c> scored by roomOpensAt.</summary>
    public const string CoffeeDue = "cf:due";
}
