using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Server.Auth;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Events;

/// <summary>
/// Refused calls (a HubException: bad input, rate limit, not the host) are a person's mistake and logged
/// at Debug; anything else is a bug, logged as an error and answered with a sentence in the person's language.
/// SignalR's own dispatcher would log both as errors with a stack trace, so its category is turned down where this
/// filter is added.
/// </summary>
public sealed class HubCallLogging(ILogger<HubCallLogging> logger) : IHubFilter
{
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (StoreUnavailableException unavailable)
        {
            // Not the person's mistake and not a bug: say what happened and that it is worth trying again.
            RoomLog.StoreUnavailable(logger, invocationContext.HubMethodName, EventCaller.From(invocationContext.Context.User)?.EventId, unavailable.InnerException?.Message);
            throw new HubException(Texts.Get("Storage.Unavailable"));
        }
        catch (HubException refused)
        {
            RoomLog.CallRefused(logger, invocationContext.HubMethodName, EventCaller.From(invocationContext.Context.User)?.EventId, refused.Message);
            throw;
        }
        catch (Exception ex)
        {
            // A bug: logged with its stack; the person hears that it failed in their language, not SignalR's English sentence.
            RoomLog.CallFailed(logger, ex, invocationContext.HubMethodName, EventCaller.From(invocationContext.Context.User)?.EventId);
            throw new HubException(Texts.Get("Hub.Failed"));
        }
    }
}
