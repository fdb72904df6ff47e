using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Localization;

/// <summary>
/// A contact typed as people type it, from registration to the other person's FollowUpMatched: phone numbers
/// arrive as E.164, whichever way they were written; e-mail and profile addresses as typed.
/// </summary>
public class ContactFormatTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    [Theory]
    [InlineData("06-12345678", "+31612345678")]
    [InlineData("06 1234 5678", "+31612345678")]
    [InlineData("+31 6 12345678", "+31612345678")]
    [InlineData("0031612345678", "+31612345678")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("bob@bos.example", "bob@bos.example")]
    [InlineData("https://www.linkedin.com/in/bob-bos", "https://www.linkedin.com/in/bob-bos")]
    public async Task TheContactAMutualFollowUpRevealsIsTheStoredForm(string typed, string received)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var (ann, _) = await live.JoinAsync("Ann", "Hoya", contact: "ann@hoya.example");
        var (bob, _) = await live.JoinAsync("Bob", "Bakkerij Bos", contact: typed);
        var round = await host.Connection.StartRound(60, 2);
        await ann.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        await bob.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);

        await ann.Connection.RequestFollowUp(bob.AttendeeId);
        await bob.Connection.RequestFollowUp(ann.AttendeeId);

        var annGets = await ann.FollowUpMatched.WaitForAny();
        Assert.Equal((bob.AttendeeId, received), (annGets.Attendee.Id, annGets.Contact));
    }
}

/// <summary>The same with the server in Redis mode: the contact is stored in Redis as normalised.</summary>
public sealed class ContactFormatOnRedisTests(RedisNetwerkLiveFactory factory) : ContactFormatTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
