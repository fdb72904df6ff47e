using MessagePack;

namespace NetwerkLive.Contracts;

// Every DTO carries explicit camelCase MessagePack keys so a payload has the same field names
// in the JSON and the MessagePack protocol. Timestamps are Unix epoch milliseconds.

[MessagePackObject]
public sealed record Attendee(
    [property: Key("id")] string Id,
    [property: Key("displayName")] string DisplayName,
    [property: Key("company")] string? Company,
    [property: Key("interests")] string[] Interests,
    [property: Key("isHost")] bool IsHost,
    [property: Key("available")] bool Available,
    [property: Key("joinedAt")] long JoinedAt)
{
    /// <summary>"Ik zoek": their current question or challenge, or null.</summary>
    [Key("ask")] public AskOffer? Ask { get; init; }

    /// <summary>"Ik bied": what they can help with, or null.</summary>
    [Key("offer")] public AskOffer? Offer { get; init; }
}

/// <summary><see cref="SeriesKey"/> names the event's series (the same for every event in it), so a client can keep a person token per series.</summary>
[MessagePackObject]
public sealed record EventSummary(
    [property: Key("eventId")] string EventId,
    [property: Key("title")] string Title,
    [property: Key("livestreamUrl")] string? LivestreamUrl,
    [property: Key("attendeeCount")] int AttendeeCount,
    [property: Key("seriesKey")] string SeriesKey)
{
    /// <summary>How breakouts meet: <see cref="MeetingModes"/> (in the page, the external link, or both).</summary>
    [Key("meetingMode")] public string MeetingMode { get; init; } = MeetingModes.InPage;

    /// <summary>When the live part is planned to start (epoch ms), or null when the event has no start time.</summary>
    [Key("startsAt")] public long? StartsAt { get; init; }

    /// <summary>When the host opened the live part (GoLive), or null. The event is live when this is set, when it has no start time, or once the start time passed.</summary>
    [Key("liveAt")] public long? LiveAt { get; init; }

    /// <summary>What the event is about, from the host; null when none.</summary>
    [Key("description")] public string? Description { get; init; }

    /// <summary>The interests the host suggests; attendees choose from them.</summary>
    [Key("interestTags")] public string[] InterestTags { get; init; } = [];

    /// <summary>Whether attendees may add interests of their own besides <see cref="InterestTags"/> (always true when there are no tags).</summary>
    [Key("allowOwnInterests")] public bool AllowOwnInterests { get; init; } = true;

    /// <summary>When the host ended the live part (EndLive), or null while it has not ended.</summary>
    [Key("endedAt")] public long? EndedAt { get; init; }

    /// <summary>The recording, once the live part ended and the host set one (https; YouTube/Vimeo embedded as the livestream).</summary>
    [Key("replayUrl")] public string? ReplayUrl { get; init; }

    /// <summary>Whether the room's chat takes messages: true until the live part ends, then as the host chose.</summary>
    [Key("chatOpen")] public bool ChatOpen { get; init; } = true;

    /// <summary>After the live part: until when people may register, use the board and the coffee queue; null while live.</summary>
    [Key("openUntil")] public long? OpenUntil { get; init; }
}

[MessagePackObject]
public sealed record ChatMessage(
    [property: Key("seq")] long Seq,
    [property: Key("senderId")] string SenderId,
    [property: Key("senderName")] string SenderName,
    [property: Key("text")] string Text,
    [property: Key("sentAt")] long SentAt);

/// <summary>
/// The room as the joining attendee finds it. <see cref="Breakout"/> is their current breakout (so a
/// reconnect during a round gets the same group back) and <see cref="Round"/> the host round running, if any.
/// The rest is what a reload needs to show the page as it was: the latest announcement, the current group's
/// private chat and broadcast, the caller's follow-ups and the people they met.
/// </summary>
[MessagePackObject]
public sealed record JoinResult(
    [property: Key("event")] EventSummary Event,
    [property: Key("self")] Attendee Self,
    [property: Key("attendees")] Attendee[] Attendees,
    [property: Key("attendeeCount")] int AttendeeCount,
    [property: Key("chat")] ChatMessage[] Chat,
    [property: Key("breakout")] BreakoutAssignment? Breakout = null,
    [property: Key("round")] RoundNotice? Round = null)
{
    /// <summary>The latest host announcement of the event, or null.</summary>
    [Key("announcement")] public Announcement? Announcement { get; init; }

    /// <summary>The private chat of the caller's current group, oldest first, the last 50; empty when not in a group.</summary>
    [Key("breakoutChat")] public BreakoutChatMessage[] BreakoutChat { get; init; } = [];

    /// <summary>The latest host broadcast sent while the caller's current group existed, or null.</summary>
    [Key("broadcast")] public Announcement? Broadcast { get; init; }

    /// <summary>The follow-ups the caller asked for: not yet mutual, and matched (with the contact received).</summary>
    [Key("followUps")] public FollowUpState FollowUps { get; init; } = FollowUpState.None;

    /// <summary>The people the caller met in breakouts of this event (not those blocked either way), oldest first.</summary>
    [Key("met")] public Attendee[] Met { get; init; } = [];

    /// <summary>For a host: the live breakout overview (as the BreakoutOverview push); null for attendees.</summary>
    [Key("hostOverview")] public BreakoutOverview? HostOverview { get; init; }

    /// <summary>The caller's coffees (one per mutual follow-up), as the CoffeeDateChanged push carries them; cancelled ones too.</summary>
    [Key("coffeeDates")] public CoffeeDate[] CoffeeDates { get; init; } = [];
}

[MessagePackObject]
public sealed record PresenceChange(
    [property: Key("joined")] Attendee[] Joined,
    [property: Key("left")] string[] Left,
    [property: Key("updated")] Attendee[] Updated,
    [property: Key("attendeeCount")] int AttendeeCount);

[MessagePackObject]
public sealed record Announcement(
    [property: Key("text")] string Text,
    [property: Key("sentAt")] long SentAt);

[MessagePackObject]
public sealed record RemovedNotice(
    [property: Key("reason")] string Reason);
