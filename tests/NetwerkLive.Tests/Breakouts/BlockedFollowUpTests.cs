using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// A block wins over a follow-up: once one of two people blocked the other, no follow-up between them reveals
/// anything, whoever asked first, and the one who asks gets the same answer as for a request not (yet) returned.
/// What the server decided is read from the report (mutual follow-ups), which comes from the store; the pushes
/// are checked too, after a later chat message has reached both.
/// </summary>
public class BlockedFollowUpTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    /// <summary>Ann and Bob meet in a host round.</summary>
    private static async Task<(TestClient Ann, TestClient Bob)> AnnAndBobMeetAsync(LiveEvent live, string? annPersonToken = null)
    {
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann", "Hoya", contact: "ann@hoya.example", personToken: annPersonToken);
        var (bob, _) = await live.JoinAsync("Bob", "Bakkerij Bos", contact: "bob@bos.example");
        var round = await host.Connection.StartRound(60, 2);
        await ann.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        await bob.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        return (ann, bob);
    }

    private async Task AssertNothingRevealedAsync(LiveEvent live, params TestClient[] people)
    {
        var report = await factory.Api.GetReportAsync(live.Id, live.Created.HostToken);
        Assert.Equal(0, report.MutualFollowUps);
        var marker = await people[0].Connection.SendChat("marker " + Guid.NewGuid().ToString("N"));
        foreach (var person in people)
        {
            await person.Chat.WaitFor(m => m.Seq == marker.Seq);
            Assert.Empty(person.FollowUpMatched.Items);
        }
    }

    [Fact]
    public async Task ABlockWithdrawsTheFollowUpTheBlockerHadAskedFor()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, bob) = await AnnAndBobMeetAsync(live);
        await ann.Connection.RequestFollowUp(bob.AttendeeId);
        await ann.Connection.BlockAttendee(bob.AttendeeId);

        await bob.Connection.RequestFollowUp(ann.AttendeeId);

        await AssertNothingRevealedAsync(live, ann, bob);
    }

    [Fact]
    public async Task ABlockWithdrawsTheFollowUpTheBlockedPersonHadAskedFor()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, bob) = await AnnAndBobMeetAsync(live);
        await bob.Connection.RequestFollowUp(ann.AttendeeId);
        await ann.Connection.BlockAttendee(bob.AttendeeId);

        await ann.Connection.RequestFollowUp(bob.AttendeeId);

        await AssertNothingRevealedAsync(live, ann, bob);
    }

    [Fact]
    public async Task ABlockMadeFromAnotherRegistrationOfThePersonStillWins()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (annOnPhone, _) = await live.JoinAsync("Ann");
        await annOnPhone.Connection.SetAvailable(false);
        var (ann, bob) = await AnnAndBobMeetAsync(live, annOnPhone.PersonToken);
        await ann.Connection.RequestFollowUp(bob.AttendeeId);
        await annOnPhone.Connection.BlockAttendee(bob.AttendeeId);

        await bob.Connection.RequestFollowUp(ann.AttendeeId);

        await AssertNothingRevealedAsync(live, ann, bob);
    }

    [Fact]
    public async Task AFollowUpAskedForAfterABlockIsAnsweredLikeAnyOther()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (ann, bob) = await AnnAndBobMeetAsync(live);
        await ann.Connection.BlockAttendee(bob.AttendeeId);

        // Neither call tells its caller anything: both return as a request the other has not returned does.
        await bob.Connection.RequestFollowUp(ann.AttendeeId);
        await ann.Connection.RequestFollowUp(bob.AttendeeId);

        await AssertNothingRevealedAsync(live, ann, bob);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class BlockedFollowUpOnRedisTests(RedisNetwerkLiveFactory factory) : BlockedFollowUpTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
