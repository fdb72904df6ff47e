namespace NetwerkLive.Contracts;

/// <summary>
/// The methods a client can invoke on <see cref="HubRoutes.Event"/>. The names are the wire names:
/// do not rename them, the browser client and integrators' code call them by these strings.
/// </summary>
public interface IEventHub
{
    /// <summary>Enters the live room of the event named by the token and returns a snapshot of it.</summary>
    Task<JoinResult> Join();

    /// <summary>Posts a chat message to everyone in the event; returns the stored message.</summary>
    Task<ChatMessage> SendChat(string text);

    /// <summary>Messages with a seq above <paramref name="afterSeq"/>, oldest first, at most <paramref name="limit"/> (capped at 200).</summary>
    Task<ChatMessage[]> GetChatSince(long afterSeq, int limit);

    /// <summary>Marks the caller as open (or not) for networking.</summary>
    Task SetAvailable(bool available);

    /// <summary>Host only: an announcement shown prominently to everyone.</summary>
    Task Announce(string text);

    /// <summary>Host only: removes a chat message for everyone.</summary>
    Task DeleteMessage(long seq);

    /// <summary>Host only: removes an attendee from the event; their token stops working.</summary>
    Task RemoveAttendee(string attendeeId);

    /// <summary>
    /// Host only: places everyone present and available in groups of <paramref name="groupSize"/> (2..4)
    /// for <paramref name="durationSeconds"/> (60..3600). SignalR has no optional arguments: pass 2 for pairs.
    /// </summary>
    Task<RoundInfo> StartRound(int durationSeconds, int groupSize);

    /// <summary>Host only: ends the running round for every group.</summary>
    Task EndRound();

    /// <summary>Host only: gives every group of the running round <paramref name="seconds"/> more.</summary>
    Task<RoundInfo> ExtendRound(int seconds);

    /// <summary>Host only: a message to everyone in a breakout.</summary>
    Task BroadcastToBreakouts(string text);

    /// <summary>A private message to the caller's current group.</summary>
    Task<BreakoutChatMessage> SendBreakoutChat(string text);

    /// <summary>Asks for five more minutes; the group gets them once every member asked.</summary>
    Task ProposeExtension();

    /// <summary>Leaves the current group early, without penalty.</summary>
    Task LeaveBreakout();

    /// <summary>Never be grouped with this person again, in this event or its series. They are not told.</summary>
    Task BlockAttendee(string attendeeId);

    /// <summary>Joins the coffee queue: matched with the next person who wants a coffee.</summary>
    Task<CoffeeQueueStatus> FindCoffeePartner();

    Task LeaveCoffeeQueue();

    /// <summary>Asks to meet someone met in a breakout again; both get the other's contact once both asked.</summary>
    Task RequestFollowUp(string attendeeId);

    /// <summary>
    /// Relays a WebRTC signalling <paramref name="payload"/> (opaque to the server, a few KB at most) to
    /// <paramref name="toAttendeeId"/>, who must be another member of the caller's current group
    /// <paramref name="groupId"/>. Refused for anyone else, for a group that ended, for an oversize payload and
    /// for a flood (its own budget).
    /// </summary>
    Task SendCallSignal(string groupId, string toAttendeeId, string payload);

    /// <summary>The ICE servers for the caller's calls, with TURN credentials issued to the caller for a short time.</summary>
    Task<IceConfig> GetIceServers();

    /// <summary>
    /// The caller's call in group <paramref name="groupId"/> (their current group) connected to a partner: the
    /// report counts breakouts with a connected call. Idempotent.
    /// </summary>
    Task ReportCallConnected(string groupId);

    /// <summary>
    /// Host only: puts two people who wait (open, present, in no group, not sat out of the running round) together
    /// now: a group of the running round, or, between rounds, a chat of the coffee length. Refused with a sentence for
    /// anyone not waiting, the same person twice, and two people who must not meet (a block).
    /// </summary>
    Task PairWaiting(string attendeeId, string otherAttendeeId);

    /// <summary>
    /// Host only: moves someone (waiting, or in another group) into group <paramref name="groupId"/>. Refused when the
    /// group is gone or would exceed 4, when they are in it already, and when a block forbids it. A group the move
    /// leaves with one person is ended for them as when a partner leaves.
    /// </summary>
    Task MoveToGroup(string attendeeId, string groupId);

    /// <summary>Host only: ends one group now; its members get <c>BreakoutEnded</c> and sit the rest of the round out.</summary>
    Task EndGroup(string groupId);

    /// <summary>Host only: opens the live part now (before the start time); everyone gets <c>EventLive</c>. Idempotent.</summary>
    Task GoLive();

    /// <summary>
    /// "Ik zoek / Ik bied": sets (or with null clears) the caller's ask and offer; everyone sees the change as a presence
    /// <c>updated</c>. Returns the caller as others now see them.
    /// </summary>
    Task<Attendee> SetAskAndOffer(AskOffer? ask, AskOffer? offer);

    /// <summary>The asks and offers board: everyone registered for the event with an ask or an offer (see <see cref="BoardEntry"/>).</summary>
    Task<BoardEntry[]> GetBoard();

    /// <summary>Answers a coffee request from the board with no: it leaves <c>followUps.requestedBy</c>; the asker is never told.</summary>
    Task DeclineFollowUp(string attendeeId);

    /// <summary>
    /// Proposes 1..3 times (epoch ms, each in the future and at most 60 days ahead) for the coffee <paramref name="dateId"/>;
    /// replaces the caller's earlier ones. Both get <c>CoffeeDateChanged</c>. Refused once a time is agreed.
    /// </summary>
    Task<CoffeeDate> ProposeCoffeeTimes(string dateId, long[] times);

    /// <summary>Accepts one of the other's proposed times (still in the future): the coffee is agreed; both get <c>CoffeeDateChanged</c>.</summary>
    Task<CoffeeDate> AcceptCoffeeTime(string dateId, long time);

    /// <summary>Cancels the coffee (open or agreed); both get <c>CoffeeDateChanged</c>. New times may be proposed afterwards.</summary>
    Task CancelCoffee(string dateId);

    /// <summary>
    /// Enters the private coffee room of an agreed coffee, from roomOpensAt until endsAt: the caller gets
    /// <c>BreakoutStarted</c> for a two-person group (the in-page call and private chat of a breakout); the other gets it
    /// too when they enter. Returns the assignment.
    /// </summary>
    Task<BreakoutAssignment> EnterCoffeeRoom(string dateId);

    /// <summary>
    /// Host only: ends the live part (or, once ended, changes the replay and the chat): <paramref name="replayUrl"/> https
    /// or null; <paramref name="keepChatOpen"/> false makes the room's chat read-only. Everyone gets <c>LiveEnded</c>.
    /// Refused while a round runs.
    /// </summary>
    Task EndLive(string? replayUrl, bool keepChatOpen);
}
