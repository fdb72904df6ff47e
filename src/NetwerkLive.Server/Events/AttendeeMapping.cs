using NetwerkLive.Contracts;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Events;

public static class AttendeeMapping
{
    /// <summary>The public view of an attendee: everything but the private contact.</summary>
    public static Attendee ToDto(this AttendeeRecord record, long joinedAt) =>
        new(record.AttendeeId, record.DisplayName, record.Company, record.Interests, record.IsHost, record.Available, joinedAt)
        {
            Ask = record.Ask,
            Offer = record.Offer,
        };
}

/// <summary>SignalR group names.</summary>
public static class EventGroups
{
    public static string Room(string eventId) => "event:" + eventId;

    /// <summary>
    /// The event's connections on one node: the chat relay of a node sends here, so each message reaches each
    /// connection once and in seq order (a send to <see cref="Room"/> would reach every node's members).
    /// </summary>
    public static string RoomOnNode(string eventId, string nodeId) => "event:" + eventId + ":node:" + nodeId;

    /// <summary>The host's connections of the event: only they receive the breakout overview (it says who is with whom).</summary>
    public static string Hosts(string eventId) => "event:" + eventId + ":hosts";
}

/// <summary>A connection that has joined an event's room: kept in the connection's items by Join().</summary>
public sealed record RoomMember(string EventId, string AttendeeId, bool IsHost, string DisplayName)
{
    /// <summary>The client (network) the connection came from, as the limits count it (see <c>ClientAddress</c>).</summary>
    public string Client { get; init; } = "";
}
