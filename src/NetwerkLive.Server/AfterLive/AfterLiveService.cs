using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.AfterLive;

/// <summary>
/// The host ends the live part (<c>EndLive</c>): the event keeps its page open for the replay, the board and the coffee
/// queue for <see cref="AfterLiveOptions.OpenFor"/>, and everyone in the room is told at once.
/// </summary>
public sealed class AfterLiveService(IEventStore events, IBreakoutStore breakouts, IHubContext<EventHub, IEventClient> hub, TimeProvider time,
    IOptions<AfterLiveOptions> options, ILogger<AfterLiveService> logger)
{
    public async Task EndLiveAsync(RoomMember host, string? replayUrl, bool keepChatOpen)
    {
        BreakoutService.RequireHost(host, "HostOnly.EndLive");
        var replay = TextRules.Clean(replayUrl);
        if (TextRules.CheckHttpUrl(replay, Texts.Get("Field.ReplayUrl"), httpsOnly: true) is { } refusal)
        {
            throw new HubException(refusal);
        }
        // A round's groups would be cut off mid-conversation: the host ends the round first.
        if ((await breakouts.GetAsync(host.EventId)).RunningRound is not null)
        {
            throw new HubException(Texts.Get("AfterLive.RoundRunning"));
        }
        var now = time.GetUtcNow();
        var ended = await events.EndLiveAsync(host.EventId, now.ToUnixTimeMilliseconds(), (now + options.Value.OpenFor).ToUnixTimeMilliseconds(), replay, keepChatOpen)
            ?? throw new HubException(Texts.Get("Room.EventGone"));
        AfterLiveLog.LiveEnded(logger, host.EventId, ended.ChatOpen);
        await hub.Clients.Group(EventGroups.Room(host.EventId)).LiveEnded(
            new LiveEndedNotice(ended.EndedAt!.Value, ended.ReplayUrl, ended.ChatOpen, ended.OpenUntil!.Value));
    }
}

/// <summary>Log messages of the time after the live part (24xx). Ids only.</summary>
internal static partial class AfterLiveLog
{
    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "The host of event {EventId} ended the live part (chat open: {ChatOpen})")]
    public static partial void LiveEnded(ILogger logger, string eventId, bool chatOpen);
}
