using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Moderation;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Auth;

/// <summary>
/// Replacing a leaked host link. The host record's <see cref="AttendeeRecord.TokenVersion"/> goes up by one
/// and the new token carries it; the token check refuses any other version, so the old token stops working
/// at once on every node (they all read the same record), and every node cuts off the connections it
/// has open with the old one.
/// </summary>
public sealed class HostTokens(
    IEventStore events,
    TokenIssuer tokens,
    IClusterBus bus,
    ConnectionRegistry connections,
    ILogger<HostTokens> logger)
{
    /// <summary>The cluster message "{attendeeId}|{version}": cut off that attendee's connections made with an earlier version.</summary>
    public const string RotatedTopic = "token-rotated";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/events/{eventId}/host-token", AnswerRotateAsync).RequireAuthorization().WithTags("Events");

    private static async Task<Results<Ok<HostTokenResponse>, ProblemHttpResult>> AnswerRotateAsync(
        string eventId, HttpContext http, HostTokens hostTokens, IOptions<EventLinkOptions> links)
    {
        var caller = EventCaller.From(http.User);
        if (caller is null || !caller.IsHost || caller.EventId != eventId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: Texts.Get("Auth.OnlyHostTitle"), detail: Texts.Get("Auth.OnlyHostReplacesLink"));
        }
        var token = await hostTokens.RotateAsync(caller, http.RequestAborted);
        return TypedResults.Ok(new HostTokenResponse(token, links.Value.HostUrl(http.Request, eventId, token)));
    }

    public async Task<string> RotateAsync(EventCaller host, CancellationToken ct)
    {
        // The bearer check found this record a moment ago; only a store that lost it meanwhile gets here with null.
        var record = await events.NextTokenVersionAsync(host.EventId, host.AttendeeId, ct)
            ?? throw new InvalidOperationException($"The host record of event {host.EventId} disappeared.");
        AuthLog.HostTokenRotated(logger, host.EventId, record.TokenVersion);
        await bus.PublishAsync(RotatedTopic, string.Create(CultureInfo.InvariantCulture, $"{host.AttendeeId}|{record.TokenVersion}"));
        return tokens.Issue(host.EventId, host.AttendeeId, isHost: true, record.TokenVersion);
    }

    /// <summary>On each node: closes this node's connections of the attendee that were made with an older token.</summary>
    public Task CutOffOlderAsync(string message)
    {
        var parts = message.Split('|');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return Task.CompletedTask;
        }
        foreach (var context in connections.Revoke(parts[0], context => (EventCaller.From(context.User)?.TokenVersion ?? 0) < version))
        {
            context.Abort();
        }
        return Task.CompletedTask;
    }

    /// <summary>Listens, from start-up, for rotations made through any node.</summary>
    internal sealed class Relay(IClusterBus bus, HostTokens hostTokens) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => bus.SubscribeAsync(RotatedTopic, hostTokens.CutOffOlderAsync);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
