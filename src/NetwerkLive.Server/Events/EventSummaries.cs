using NetwerkLive.Contracts;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Events;

/// <summary>An event as clients see it: one mapping for GET /api/events/{id} and Join(), so the two never differ.</summary>
public static class EventSummaries
{
    public static EventSummary ToSummary(this EventRecord record, int attendeeCount) =>
        new(record.EventId, record.Title, record.LivestreamUrl, attendeeCount, record.SeriesKey)
        {
            MeetingMode = record.Mode,
            StartsAt = record.StartsAt,
            LiveAt = record.LiveAt,
            Description = record.Description,
            InterestTags = record.Tags,
            AllowOwnInterests = record.OwnInterestsAllowed,
            EndedAt = record.EndedAt,
            ReplayUrl = record.ReplayUrl,
            ChatOpen = record.ChatOpen,
            OpenUntil = record.OpenUntil,
        };
}
