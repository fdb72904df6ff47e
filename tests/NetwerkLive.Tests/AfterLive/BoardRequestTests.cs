using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.AfterLive;

/// <summary>
/// Coffee requests from the asks and offers board: asking someone not met who has an ask or an offer. Unlike between
/// people who met, the receiver is told at once, and answers by asking back or declining. Pushes to one attendee
/// arrive in order, so once a later FollowUpRequested to the same person is in, anything sent before it would be too:
/// that is how these tests see that nothing else was sent, without waiting.
/// </summary>
public class BoardRequestTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const string AnnContact = "ann@hoya.example";
    private const string VeraContact = "vera@later.example";

    private static readonly AskOffer Offer = new("Ik help verenigingen met subsidieaanvragen", []);

    private static async Task<(TestClient Ann, TestClient Vera, TestClient Bob)> AnnOnTheBoardAsync(LiveEvent live)
    {
        var (ann, _) = await live.JoinAsync("Ann", "Hoya", contact: AnnContact);
        var (vera, _) = await live.JoinAsync("Vera", "Later BV", contact: VeraContact);
        var (bob, _) = await live.JoinAsync("Bob", "Bos", contact: "bob@bos.example");
        await ann.Connection.SetAskAndOffer(null, Offer);
        await vera.Connection.SetAskAndOffer(new AskOffer("Ik zoek een penningmeester", []), null);
        return (ann, vera, bob);
    }

    /// <summary>Bob asks <paramref name="receiver"/> from the board; returns when that push has arrived.</summary>
    private static async Task MarkerAsync(TestClient bob, TestClient receiver)
    {
        await bob.Connection.RequestFollowUp(receiver.AttendeeId);
        await receiver.FollowUpRequested.WaitFor(n => n.Attendee.Id == bob.AttendeeId);
    }

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task AskingSomeoneOnTheBoardTellsThemAtOnceWhoAsked(HubProtocol protocol)
    {
        await using var live = await LiveEvent.CreateAsync(factory, protocol);
        var (ann, vera, _) = await AnnOnTheBoardAsync(live);

        await vera.Connection.RequestFollowUp(ann.AttendeeId);

        var notice = await ann.FollowUpRequested.WaitForAny();
        Assert.Equal((vera.AttendeeId, "Vera", "Later BV"), (notice.Attendee.Id, notice.Attendee.DisplayName, notice.Attendee.Company));
        Assert.Equal("Ik zoek een penningmeester", notice.Attendee.Ask?.Text);
        Assert.Empty(ann.FollowUpMatched.Items);
    }

    [Fact]
    public async Task AnUnansweredRequestIsInRequestedByWhenTheReceiverJoinsAgain()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, vera, _) = await AnnOnTheBoardAsync(live);
        await vera.Connection.RequestFollowUp(ann.AttendeeId);
        await ann.FollowUpRequested.WaitForAny();

        var (_, annAgain) = await live.OpenTabAsync(ann);
        var (_, veraAgain) = await live.OpenTabAsync(vera);

        Assert.Equal([vera.AttendeeId], annAgain.FollowUps.RequestedBy.Select(a => a.Id));
        Assert.Equal([ann.AttendeeId], veraAgain.FollowUps.Asked);
        Assert.Empty(veraAgain.FollowUps.RequestedBy);
    }

    [Fact]
    public async Task AskingBackMakesItMutualForBothAndAnswersTheRequest()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, vera, _) = await AnnOnTheBoardAsync(live);
        await vera.Connection.SetAskAndOffer(null, null); // asking back works whether or not the asker is on the board
        await vera.Connection.RequestFollowUp(ann.AttendeeId);
        await ann.FollowUpRequested.WaitForAny();

        await ann.Connection.RequestFollowUp(vera.AttendeeId);

        Assert.Equal(VeraContact, (await ann.FollowUpMatched.WaitForAny()).Contact);
        Assert.Equal(AnnContact, (await vera.FollowUpMatched.WaitForAny()).Contact);
        var (_, annAgain) = await live.OpenTabAsync(ann);
        Assert.Empty(annAgain.FollowUps.RequestedBy);
        Assert.Equal([vera.AttendeeId], annAgain.FollowUps.Matched.Select(m => m.Attendee.Id));
    }

    [Fact]
    public async Task AskingAgainAfterTheMatchTellsTheOtherNothing()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, vera, bob) = await AnnOnTheBoardAsync(live);
        await vera.Connection.RequestFollowUp(ann.AttendeeId);
        await ann.FollowUpRequested.WaitForAny();
        await ann.Connection.RequestFollowUp(vera.AttendeeId);
        await vera.FollowUpMatched.WaitForAny();

        await ann.Connection.RequestFollowUp(vera.AttendeeId);

        await MarkerAsync(bob, vera);
        Assert.DoesNotContain(vera.FollowUpRequested.Items, n => n.Attendee.Id == ann.AttendeeId);
        Assert.Single(vera.FollowUpMatched.Items);
    }

    [Fact]
    public async Task DecliningRemovesTheRequestAndTheAskerIsNeverToldNorCanAskAgain()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, vera, bob) = await AnnOnTheBoardAsync(live);
        await vera.Connection.RequestFollowUp(ann.AttendeeId);
        await ann.FollowUpRequested.WaitForAny();

        await ann.Connection.DeclineFollowUp(vera.AttendeeId);
        await vera.Connection.RequestFollowUp(ann.AttendeeId);

        await MarkerAsync(bob, vera);
        await MarkerAsync(bob, ann);
        Assert.Empty(vera.FollowUpMatched.Items);
        Assert.Single(ann.FollowUpRequested.Items, n => n.Attendee.Id == vera.AttendeeId);
        var (_, annAgain) = await live.OpenTabAsync(ann);
        Assert.Equal([bob.AttendeeId], annAgain.FollowUps.RequestedBy.Select(a => a.Id));
        var (_, veraAgain) = await live.OpenTabAsync(vera);
        Assert.Equal([ann.AttendeeId], veraAgain.FollowUps.Asked); // to her it looks like no answer yet
    }

    [Theory]
    [InlineData("en", "You can only ask for a follow-up with someone you met in a breakout at this event, or with someone on the asks and offers board.")]
    [InlineData("nl", "Je kunt alleen om een vervolg vragen met iemand die je in een ont-moeting op dit evenement hebt gesproken, of met iemand op het prikbord van Ik zoek / Ik bied.")]
    public async Task AskingSomeoneNeitherMetNorOnTheBoardIsRefused(string lang, string refusal)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, _, bob) = await AnnOnTheBoardAsync(live);
        var registration = await factory.Api.RegisterAsync(live.Id, new RegisterAttendeeRequest("Cas"));
        await using var cas = new TestClient(factory.Connect(registration.Token, lang: lang), registration.AttendeeId, registration.Token);
        await cas.Connection.StartAsync();
        await cas.Connection.Join();

        var error = await Assert.ThrowsAsync<HubException>(() => cas.Connection.RequestFollowUp(bob.AttendeeId));

        Assert.Equal(HubRefusals.Message("RequestFollowUp", refusal), error.Message);
        await bob.Connection.SetAskAndOffer(null, Offer); // now on the board: Ann's request is the first he hears of
        await MarkerAsync(ann, bob);
        Assert.Single(bob.FollowUpRequested.Items);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABlockEitherWayRevealsNothing(bool receiverBlocks)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, vera, bob) = await AnnOnTheBoardAsync(live);
        var (blocker, blocked) = receiverBlocks ? (ann, vera) : (vera, ann);
        await blocker.Connection.BlockAttendee(blocked.AttendeeId);

        await vera.Connection.RequestFollowUp(ann.AttendeeId); // no error: the same answer as any request

        await MarkerAsync(bob, ann);
        Assert.DoesNotContain(ann.FollowUpRequested.Items, n => n.Attendee.Id == vera.AttendeeId);
        var (_, annAgain) = await live.OpenTabAsync(ann);
        Assert.Equal([bob.AttendeeId], annAgain.FollowUps.RequestedBy.Select(a => a.Id));
    }

    [Fact]
    public async Task ABlockAfterTheRequestTakesItOutOfRequestedBy()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, vera, _) = await AnnOnTheBoardAsync(live);
        await vera.Connection.RequestFollowUp(ann.AttendeeId);
        await ann.FollowUpRequested.WaitForAny();

        await vera.Connection.BlockAttendee(ann.AttendeeId);

        var (_, annAgain) = await live.OpenTabAsync(ann);
        Assert.Empty(annAgain.FollowUps.RequestedBy);
    }
}

public sealed class BoardRequestOnRedisTests(RedisNetwerkLiveFactory factory) : BoardRequestTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
