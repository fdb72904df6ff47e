using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// Mutual follow-ups with real clients. Pushes on one channel reach a connection in the order they were sent,
/// so once a later push to the same attendee has arrived, a FollowUpMatched sent before it would have too: that
/// is how these tests see that nothing was revealed, without waiting for it. The later push must go the same way
/// as FollowUpMatched (to the attendee, not to the room): the Redis backplane keeps order per channel only.
/// </summary>
public class FollowUpTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const string AnnContact = "ann@hoya.example";
    private const string BobContact = "bob@bos.example";

    /// <summary>Ann and Bob meet in a host round; Cas is in the event but sits the round out.</summary>
    private static async Task<(TestClient Host, TestClient Ann, TestClient Bob, TestClient Cas)> AnnAndBobMeetInARoundAsync(LiveEvent live, string? bobContact = BobContact)
    {
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann", "Hoya", contact: AnnContact);
        var (bob, _) = await live.JoinAsync("Bob", "Bakkerij Bos", contact: bobContact);
        var (cas, _) = await live.JoinAsync("Cas", "Coöperatie Zuid", contact: "cas@zuid.example");
        await cas.Connection.SetAvailable(false);
        var round = await host.Connection.StartRound(60, 2);
        await ann.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        await bob.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        return (host, ann, bob, cas);
    }

    /// <summary>
    /// Ann posts in the breakout she shares with Bob; returns when both received it. Breakout chat is sent to
    /// each member as an attendee, as FollowUpMatched is.
    /// </summary>
    private static async Task BreakoutMarkerAsync(TestClient ann, TestClient bob)
    {
        var marker = await ann.Connection.SendBreakoutChat("marker " + Guid.NewGuid().ToString("N"));
        await ann.BreakoutChat.WaitFor(m => m.Text == marker.Text);
        await bob.BreakoutChat.WaitFor(m => m.Text == marker.Text);
    }

    [Fact]
    public async Task AskingToFollowUpWithSomeoneNotMetIsRefusedClearly()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (_, ann, _, cas) = await AnnAndBobMeetInARoundAsync(live);

        var error = await Assert.ThrowsAsync<HubException>(() => ann.Connection.RequestFollowUp(cas.AttendeeId));

        Assert.Contains("You can only ask for a follow-up with someone you met in a breakout at this event", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOtherLearnsNothingUntilTheyAskToo()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (_, ann, bob, _) = await AnnAndBobMeetInARoundAsync(live);

        await ann.Connection.RequestFollowUp(bob.AttendeeId);

        await BreakoutMarkerAsync(ann, bob);
        Assert.Empty(bob.FollowUpMatched.Items);
        Assert.Empty(ann.FollowUpMatched.Items);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task WhenBothAskedEachGetsTheOthersContact(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (_, ann, bob, _) = await AnnAndBobMeetInARoundAsync(live);
        await ann.Connection.RequestFollowUp(bob.AttendeeId);

        await bob.Connection.RequestFollowUp(ann.AttendeeId);

        var annGets = await ann.FollowUpMatched.WaitForAny();
        var bobGets = await bob.FollowUpMatched.WaitForAny();
        Assert.Equal((bob.AttendeeId, "Bob", BobContact), (annGets.Attendee.Id, annGets.Attendee.DisplayName, annGets.Contact));
        Assert.Equal((ann.AttendeeId, "Ann", AnnContact), (bobGets.Attendee.Id, bobGets.Attendee.DisplayName, bobGets.Contact));
    }

    [Fact]
    public async Task PeopleMatchedInTheCoffeeQueueCanFollowUp()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _) = await live.JoinAsync("Ann", contact: AnnContact);
        var (bob, _) = await live.JoinAsync("Bob", contact: BobContact);
        await ann.Connection.FindCoffeePartner();
        await bob.Connection.FindCoffeePartner();
        await ann.BreakoutStarted.WaitForAny();

        await ann.Connection.RequestFollowUp(bob.AttendeeId);
        await bob.Connection.RequestFollowUp(ann.AttendeeId);

        Assert.Equal(BobContact, (await ann.FollowUpMatched.WaitForAny()).Contact);
    }

    [Fact]
    public async Task AskingAgainIsNoErrorAndMatchesOnlyOnce()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (_, ann, bob, _) = await AnnAndBobMeetInARoundAsync(live);
        await ann.Connection.RequestFollowUp(bob.AttendeeId);
        await ann.Connection.RequestFollowUp(bob.AttendeeId);
        await bob.Connection.RequestFollowUp(ann.AttendeeId);

        await ann.Connection.RequestFollowUp(bob.AttendeeId);
        await bob.Connection.RequestFollowUp(ann.AttendeeId);

        await BreakoutMarkerAsync(ann, bob);
        Assert.Single(ann.FollowUpMatched.Items);
        Assert.Single(bob.FollowUpMatched.Items);
    }

    [Fact]
    public async Task SomeoneElseInTheEventNeverHearsOfAFollowUp()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, ann, bob, cas) = await AnnAndBobMeetInARoundAsync(live);

        await ann.Connection.RequestFollowUp(bob.AttendeeId);
        await bob.Connection.RequestFollowUp(ann.AttendeeId);

        await ann.FollowUpMatched.WaitForAny();
        await bob.FollowUpMatched.WaitForAny();
        // Removed is sent to Cas as an attendee, the way a FollowUpMatched to her would have gone before it.
        await host.Connection.RemoveAttendee(cas.AttendeeId);
        await cas.Removed.WaitForAny();
        Assert.Empty(cas.FollowUpMatched.Items);
    }

    [Fact]
    public async Task SomeoneWhoGaveNoContactIsMatchedWithANullContact()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (_, ann, bob, _) = await AnnAndBobMeetInARoundAsync(live, bobContact: null);
        await ann.Connection.RequestFollowUp(bob.AttendeeId);

        await bob.Connection.RequestFollowUp(ann.AttendeeId);

        var annGets = await ann.FollowUpMatched.WaitForAny();
        Assert.Equal(bob.AttendeeId, annGets.Attendee.Id);
        Assert.Null(annGets.Contact);
        Assert.Equal(AnnContact, (await bob.FollowUpMatched.WaitForAny()).Contact);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class FollowUpOnRedisTests(RedisNetwerkLiveFactory factory) : FollowUpTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
