using NetwerkLive.Contracts;

namespace NetwerkLive.Server.Limits;

/// <summary>
/// What each hub method takes from the attendee's call budget (<see cref="LimitOptions.HubCallsPerWindow"/>).
/// Reads and chat (which has a budget of its own) cost 1; changes that re-pair people or write shared state
/// cost more; Join and StartRound, which read or place a whole room, cost most.
/// </summary>
public static class HubCallCosts
{
    public const int Unlisted = 2;

    public static readonly IReadOnlyDictionary<string, int> ByMethod = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [nameof(IEventHub.Join)] = 5,
        [nameof(IEventHub.SendChat)] = 1,
        [nameof(IEventHub.GetChatSince)] = 1,
        [nameof(IEventHub.SetAvailable)] = 2,
        [nameof(IEventHub.Announce)] = 1,
        [nameof(IEventHub.DeleteMessage)] = 1,
        [nameof(IEventHub.RemoveAttendee)] = 2,
        [nameof(IEventHub.GoLive)] = 2,
        [nameof(IEventHub.StartRound)] = 5,
        [nameof(IEventHub.EndRound)] = 2,
        [nameof(IEventHub.ExtendRound)] = 2,
        [nameof(IEventHub.BroadcastToBreakouts)] = 1,
        [nameof(IEventHub.SendBreakoutChat)] = 1,
        [nameof(IEventHub.ProposeExtension)] = 2,
        [nameof(IEventHub.LeaveBreakout)] = 2,
        [nameof(IEventHub.BlockAttendee)] = 2,
        [nameof(IEventHub.FindCoffeePartner)] = 3,
        [nameof(IEventHub.LeaveCoffeeQueue)] = 2,
        [nameof(IEventHub.RequestFollowUp)] = 2,
        // Nothing from the call budget: signalling takes from its own (LimitRules.ForHubCall), since ICE
        // candidates come in bursts of tens.
        [nameof(IEventHub.SendCallSignal)] = 0,
        [nameof(IEventHub.GetIceServers)] = 1,
        [nameof(IEventHub.ReportCallConnected)] = 1,
        // The host's steering by hand (issue 14): changes that re-pair people.
        [nameof(IEventHub.PairWaiting)] = 2,
        [nameof(IEventHub.MoveToGroup)] = 2,
        [nameof(IEventHub.EndGroup)] = 2,
        // After the live part (issue 15): asks and offers, the board (a read of the whole event), coffees.
        [nameof(IEventHub.SetAskAndOffer)] = 2,
        [nameof(IEventHub.GetBoard)] = 3,
        [nameof(IEventHub.DeclineFollowUp)] = 2,
        [nameof(IEventHub.ProposeCoffeeTimes)] = 2,
        [nameof(IEventHub.AcceptCoffeeTime)] = 2,
        [nameof(IEventHub.CancelCoffee)] = 2,
        [nameof(IEventHub.EnterCoffeeRoom)] = 3,
        [nameof(IEventHub.EndLive)] = 2,
    };

    public static int Of(string method) => ByMethod.GetValueOrDefault(method, Unlisted);
}
