using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Server.Auth;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Limits;

/// <summary>
/// Every hub call of an attendee takes from their budget (costs in <see cref="HubCallCosts"/>) before it
/// runs, and an attendee token may hold only so many connections at once. A refusal is a HubException
/// with a sentence; the connection stays usable.
/// </summary>
public sealed class HubBudgetFilter(IRateBudgets budgets, IConnectionSlots slots, LimitRules rules) : IHubFilter
{
    private const string SlotKey = "netwerklive.connection-slot";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (EventCaller.From(invocationContext.Context.User) is { } caller)
        {
            var refusal = await budgets.TryTakeAsync(rules.ForHubCall(invocationContext.HubMethodName, caller.EventId, caller.AttendeeId));
            if (refusal is not null)
            {
                throw new HubException(rules.Explain(refusal));
            }
        }
        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (EventCaller.From(context.Context.User) is { } caller && await TryTakeSlotAsync(caller, context.Context.ConnectionId))
        {
            context.Context.Items[SlotKey] = caller;
        }
        await next(context);
    }

    /// <summary>True when a slot was taken; throws when the attendee has every slot already.</summary>
    private async Task<bool> TryTakeSlotAsync(EventCaller caller, string connectionId)
    {
        try
        {
            return await slots.TryAcquireAsync(caller.EventId, caller.AttendeeId, connectionId)
                ? true
                : throw new HubException(LimitMessages.TooManyConnections(rules.Options.ConnectionsPerAttendee));
        }
        catch (StoreUnavailableException)
        {
            // Without the shared store the room does not work anyway; refusing the connection would also stop
            // the client's automatic reconnect, which should bring it back once the store is back.
            return false;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        // Freed first: a closed connection must not keep its slot while the room handles the leave.
        if (context.Context.Items.TryGetValue(SlotKey, out var held) && held is EventCaller caller)
        {
            try
            {
                await slots.ReleaseAsync(caller.EventId, caller.AttendeeId, context.Context.ConnectionId);
            }
            catch (StoreUnavailableException)
            {
                // Not renewed any more, the slot's lease runs out by itself.
            }
        }
        await next(context, exception);
    }
}
