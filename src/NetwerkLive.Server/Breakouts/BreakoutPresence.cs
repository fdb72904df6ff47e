using Microsoft.Extensions.Options;
using NetwerkLive.Server.Presence;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// Lets go of people who left the event: after <see cref="BreakoutOptions.ReconnectGrace"/> (so a phone
/// that lost its connection and comes back keeps its partner), or at once when the host removed them.
/// </summary>
public sealed class BreakoutPresence(BreakoutService breakouts, PartnerConnections partners, IPresenceStore presence, TimeProvider time,
    IOptions<BreakoutOptions> options, ILogger<BreakoutPresence> logger) : IPresenceListener
{
    public Task OnConnectionLostAsync(string eventId, string attendeeId) => partners.LostAsync(eventId, attendeeId);

    public async Task OnLeftAsync(string eventId, string attendeeId, bool evicted)
    {
        if (evicted || options.Value.ReconnectGrace <= TimeSpan.Zero)
        {
            await RemoveAsync(eventId, attendeeId);
            return;
        }
        _ = RemoveLaterAsync(eventId, attendeeId);
    }

    private async Task RemoveLaterAsync(string eventId, string attendeeId)
    {
        await Task.Delay(options.Value.ReconnectGrace, time);
        await RemoveAsync(eventId, attendeeId, onlyIfAbsent: true);
    }

    private async Task RemoveAsync(string eventId, string attendeeId, bool onlyIfAbsent = false)
    {
        try
        {
            if (onlyIfAbsent && await presence.GetJoinedAtAsync(eventId, attendeeId) is not null)
            {
                return;
            }
            await breakouts.RemoveAsync(eventId, attendeeId, sitOutRound: false);
        }
        catch (Exception ex)
        {
            BreakoutLog.LetGoFailed(logger, ex, eventId);
        }
    }
}

internal static partial class BreakoutLog
{
    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Could not take someone who left event {EventId} out of the breakouts")]
    public static partial void LetGoFailed(ILogger logger, Exception exception, string eventId);
}
