using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

/// <summary>Bad input gets a HubException a person understands, and the connection stays usable.</summary>
public sealed class BadInputTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    public static TheoryData<HubProtocol, string?, string> RefusedChatTexts
    {
        get
        {
            var data = new TheoryData<HubProtocol, string?, string>();
            foreach (var protocol in new[] { HubProtocol.MessagePack, HubProtocol.Json })
            {
                data.Add(protocol, null, "A chat message cannot be empty.");
                data.Add(protocol, "", "A chat message cannot be empty.");
                data.Add(protocol, " \t\n ", "A chat message cannot be empty.");
                data.Add(protocol, new string('a', 1001), "A chat message can be at most 1000 characters long; this one has 1001.");
                data.Add(protocol, "Ring\u0007ring", "A chat message cannot contain invisible or control characters (found U+0007).");
                data.Add(protocol, "Hallo\0daar", "A chat message cannot contain invisible or control characters (found U+0000).");
                data.Add(protocol, "gnp.\u202Eexe", "A chat message cannot contain invisible or control characters (found U+202E).");
                data.Add(protocol, "\u200B", "A chat message cannot contain invisible or control characters (found U+200B).");
                data.Add(protocol, "\u200E", "A chat message cannot contain invisible or control characters (found U+200E).");
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RefusedChatTexts))]
    public async Task UnacceptableChatTextIsRefusedAndTheConnectionStaysUsable(HubProtocol protocol, string? text, string explanation)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");

        var error = await Assert.ThrowsAsync<HubException>(() => ann.Connection.SendChat(text!));

        Assert.Contains(explanation, error.Message);
        var next = await ann.Connection.SendChat("Dit mag wel");
        Assert.Equal([next], await ann.Connection.GetChatSince(0, 50));
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task AMessageOfExactly1000CharactersIsAccepted(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");

        var sent = await ann.Connection.SendChat(new string('a', 1000));

        Assert.Equal(1000, sent.Text.Length);
    }

    public static TheoryData<HubProtocol, string> MethodsThatNeedJoin
    {
        get
        {
            var data = new TheoryData<HubProtocol, string>();
            foreach (var protocol in new[] { HubProtocol.MessagePack, HubProtocol.Json })
            {
                foreach (var method in Calls.Keys)
                {
                    data.Add(protocol, method);
                }
            }
            return data;
        }
    }

    /// <summary>Every hub method but Join, called with arguments that would be fine after Join.</summary>
    private static readonly Dictionary<string, Func<EventConnection, Task>> Calls = new()
    {
        ["SendChat"] = c => c.SendChat("Hallo"),
        ["GetChatSince"] = c => c.GetChatSince(0, 50),
        ["SetAvailable"] = c => c.SetAvailable(false),
        ["Announce"] = c => c.Announce("Hallo"),
        ["DeleteMessage"] = c => c.DeleteMessage(1),
        ["RemoveAttendee"] = c => c.RemoveAttendee("someone"),
        ["StartRound"] = c => c.StartRound(600, 2),
        ["EndRound"] = c => c.EndRound(),
        ["ExtendRound"] = c => c.ExtendRound(60),
        ["BroadcastToBreakouts"] = c => c.BroadcastToBreakouts("Hallo"),
        ["SendBreakoutChat"] = c => c.SendBreakoutChat("Hallo"),
        ["ProposeExtension"] = c => c.ProposeExtension(),
        ["LeaveBreakout"] = c => c.LeaveBreakout(),
        ["BlockAttendee"] = c => c.BlockAttendee("someone"),
        ["FindCoffeePartner"] = c => c.FindCoffeePartner(),
        ["LeaveCoffeeQueue"] = c => c.LeaveCoffeeQueue(),
        ["RequestFollowUp"] = c => c.RequestFollowUp("someone"),
        ["SendCallSignal"] = c => c.SendCallSignal("g1", "someone", "{}"),
        ["GetIceServers"] = c => c.GetIceServers(),
        ["ReportCallConnected"] = c => c.ReportCallConnected("g1"),
        ["PairWaiting"] = c => c.PairWaiting("someone", "someone-else"),
        ["MoveToGroup"] = c => c.MoveToGroup("someone", "g1"),
        ["EndGroup"] = c => c.EndGroup("g1"),
        ["GoLive"] = c => c.GoLive(),
        ["SetAskAndOffer"] = c => c.SetAskAndOffer(new AskOffer("Een subsidie", []), null),
        ["GetBoard"] = c => c.GetBoard(),
        ["DeclineFollowUp"] = c => c.DeclineFollowUp("someone"),
        ["ProposeCoffeeTimes"] = c => c.ProposeCoffeeTimes("d1", [1_900_000_000_000]),
        ["AcceptCoffeeTime"] = c => c.AcceptCoffeeTime("d1", 1_900_000_000_000),
        ["CancelCoffee"] = c => c.CancelCoffee("d1"),
        ["EnterCoffeeRoom"] = c => c.EnterCoffeeRoom("d1"),
        ["EndLive"] = c => c.EndLive(null, false),
    };

    [Fact]
    public void TheCallsBeforeJoinCoverEveryHubMethodButJoin()
    {
        var methods = typeof(IEventHub).GetMethods().Select(m => m.Name).Where(n => n != nameof(IEventHub.Join));

        Assert.Equal(methods.Order(), Calls.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(MethodsThatNeedJoin))]
    public async Task CallingAMethodBeforeJoinIsRefusedAndJoinStillWorks(HubProtocol protocol, string method)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var ann = await live.ConnectWithoutJoiningAsync("Ann");

        var error = await Assert.ThrowsAsync<HubException>(() => Calls[method](ann.Connection));

        Assert.Equal(HubRefusals.Message(method, "Join the event first: call Join() once after connecting."), error.Message);
        var join = await ann.Connection.Join();
        Assert.Equal(ann.AttendeeId, join.Self.Id);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack, -1, 50, "afterSeq cannot be negative")]
    [InlineData(HubProtocol.Json, -1, 50, "afterSeq cannot be negative")]
    [InlineData(HubProtocol.MessagePack, 0, 0, "limit must be at least 1 (and at most 200)")]
    [InlineData(HubProtocol.Json, 0, 0, "limit must be at least 1 (and at most 200)")]
    [InlineData(HubProtocol.MessagePack, 0, -5, "limit must be at least 1 (and at most 200)")]
    [InlineData(HubProtocol.Json, 0, -5, "limit must be at least 1 (and at most 200)")]
    public async Task GetChatSinceWithBadArgumentsIsRefusedAndTheConnectionStaysUsable(HubProtocol protocol, long afterSeq, int limit, string explanation)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");
        var sent = await ann.Connection.SendChat("Hallo");

        var error = await Assert.ThrowsAsync<HubException>(() => ann.Connection.GetChatSince(afterSeq, limit));

        Assert.Contains(explanation, error.Message);
        Assert.Equal([sent], await ann.Connection.GetChatSince(0, 50));
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task AMessageOverTheSizeLimitClosesOnlyThatConnection(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");
        var (mallory, _) = await live.JoinAsync("Mallory");

        // 40 000 characters is over the default 32 KB MaximumReceiveMessageSize in either protocol.
        await Assert.ThrowsAnyAsync<Exception>(() => mallory.Connection.SendChat(new string('x', 40_000)));

        await mallory.Closed.WaitForAny();
        var sent = await ann.Connection.SendChat("Nog iemand hier?");
        Assert.Equal(sent, await bob.Chat.WaitFor(m => m.Seq == sent.Seq));
        Assert.DoesNotContain(bob.Chat.Items, m => m.SenderId == mallory.AttendeeId);
        await bob.WaitUntilSeesLeft(mallory.AttendeeId);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task AMessageJustUnderTheSizeLimitIsHandledNormally(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, _) = await live.JoinAsync("Ann");

        // Within the frame limit but over the chat limit: refused by the chat rules, not by closing the connection.
        var error = await Assert.ThrowsAsync<HubException>(() => ann.Connection.SendChat(new string('x', 30_000)));

        Assert.Contains("at most 1000 characters", error.Message);
        Assert.Equal("nog open", (await ann.Connection.SendChat("nog open")).Text);
    }
}
