using NetwerkLive.Client;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Breakouts.SteeringScene;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>StartRound needs two people open for networking: with fewer it says how many there are, and starts nothing.</summary>
public class StartGuardTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private static readonly string[] Names = ["Ann", "Bob"];

    public static TheoryData<string, int, string> TooFew => new()
    {
        { "en", 0, "0 people are open for networking right now; a round needs at least 2." },
        { "en", 1, "Only 1 person is open for networking right now; a round needs at least 2." },
        { "nl", 0, "Er staan nu 0 mensen open voor netwerken; voor een ronde zijn er minstens 2 nodig." },
        { "nl", 1, "Er staat nu maar 1 persoon open voor netwerken; voor een ronde zijn er minstens 2 nodig." },
    };

    [Theory]
    [MemberData(nameof(TooFew))]
    public async Task ARoundWithFewerThanTwoPeopleOpenIsRefusedWithHowManyAre(string lang, int open, string sentence)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        await using var host = await live.HostInAsync(factory, lang);
        var people = await live.JoinAllAsync([.. Names.Take(open + 1)]);
        // One more than is open: the last one is there but closed for networking, and is not counted.
        await people[^1].Connection.SetAvailable(false);

        Assert.Equal(HubRefusals.Message("StartRound", sentence), await RefusalAsync(() => host.Connection.StartRound(600, 2)));
        Assert.Null((await people[0].Connection.Join()).Round);
        Assert.Empty((await factory.Api.GetReportAsync(live.Id, live.Created.HostToken)).Rounds);
    }

    [Fact]
    public async Task PeopleInACoffeeChatAreNotOpenForARound()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var people = await live.JoinAllAsync("Ann", "Bob", "Cas");
        await host.Connection.PairWaiting(people[0].AttendeeId, people[1].AttendeeId);

        Assert.Equal(HubRefusals.Message("StartRound", "Only 1 person is open for networking right now; a round needs at least 2."),
            await RefusalAsync(() => host.Connection.StartRound(600, 2)));
    }

    [Fact]
    public async Task TwoPeopleOpenStartARound()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);
        var (host, _) = await live.JoinAsHostAsync();
        var people = await live.JoinAllAsync("Ann", "Bob");

        var round = await host.Connection.StartRound(600, 2);

        Assert.Equal((1, 2), (round.GroupCount, round.ParticipantCount));
        Assert.Equal(round.RoundId, (await people[0].BreakoutStarted.WaitForAny()).RoundId);
    }
}

/// <summary>The same tests with the server in Redis mode (Redis stores, backplane, sweeper).</summary>
public sealed class StartGuardOnRedisTests(RedisNetwerkLiveFactory factory) : StartGuardTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
