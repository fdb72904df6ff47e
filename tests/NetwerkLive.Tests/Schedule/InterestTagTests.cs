using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Schedule.ScheduleHttp;

namespace NetwerkLive.Tests.Schedule;

/// <summary>Attendees choose interests from the host's tags (and their own, when the host allows it); pairing uses them.</summary>
public class InterestTagTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private static readonly string[] Tags = ["Duurzaamheid", "Financiën", "Zorg en welzijn in de regio Utrecht-Oost"];

    [Theory]
    [InlineData("en", "Choose your interests from the event's list: 'Zeilen' is not on it.")]
    [InlineData("nl", "Kies je interesses uit de lijst van dit evenement: 'Zeilen' staat er niet bij.")]
    public async Task WithoutOwnInterestsAnInterestThatIsNoTagIsRefused(string lang, string refusal)
    {
        var created = await factory.Api.CreateEventAsync(Request(tags: Tags, allowOwn: false));

        using var response = await PostAsync(factory, $"/api/events/{created.EventId}/attendees",
            new RegisterAttendeeRequest("Ann", Interests: ["Duurzaamheid", "Zeilen"]), lang);

        var title = lang == "nl" ? "Je aanmelding kon niet worden opgeslagen." : "Your registration could not be saved.";
        Assert.Equal(refusal, await FieldErrorAsync(response, "interests", title));
    }

    [Fact]
    public async Task AChosenTagIsKeptInTheHostsSpellingEvenWhenLongerThanAnOwnInterestMayBe()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack, Request(tags: Tags, allowOwn: false));

        var (_, join) = await live.JoinAsync("Ann", interests: ["DUURZAAMHEID", "zorg en welzijn in de regio utrecht-oost", "duurzaamheid"]);

        Assert.Equal(["Duurzaamheid", "Zorg en welzijn in de regio Utrecht-Oost"], join.Self.Interests);
    }

    [Fact]
    public async Task WithOwnInterestsAllowedTagsAndOwnInterestsAreBothKept()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack, Request(tags: Tags, allowOwn: true));

        var (_, join) = await live.JoinAsync("Ann", interests: ["financiën", "Zeilen"]);

        Assert.Equal(["Financiën", "Zeilen"], join.Self.Interests);
    }

    [Fact]
    public async Task AnOwnInterestStillHasTheOwnInterestsLengthLimit()
    {
        var created = await factory.Api.CreateEventAsync(Request(tags: Tags, allowOwn: true));

        using var response = await PostAsync(factory, $"/api/events/{created.EventId}/attendees",
            new RegisterAttendeeRequest("Ann", Interests: [new string('z', 31)]), "en");

        Assert.Equal("The interest 'zzzzzzzzzzzzzzzzzzzz…' can be at most 30 characters long; this one has 31.",
            await FieldErrorAsync(response, "interests", "Your registration could not be saved."));
    }

    [Fact]
    public async Task PeopleWhoChoseTheSameTagArePairedTogetherOtherThingsBeingEqual()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack, Request(tags: ["Duurzaamheid", "Financiën", "Zorg"], allowOwn: false));
        var (host, _) = await live.JoinAsHostAsync();
        // Chosen in other spellings: stored as the tag, so the pairs share it (six people: chance alone gives these pairs 1 in 15).
        var people = new (string Name, string Tag)[] { ("Ann", "duurzaamheid"), ("Bob", "Financiën"), ("Cas", "zorg"), ("Dirk", "DUURZAAMHEID"), ("Eva", "financiën"), ("Fien", "Zorg") };
        var clients = new List<(string Name, TestClient Client)>();
        foreach (var (name, tag) in people)
        {
            clients.Add((name, (await live.JoinAsync(name, interests: [tag])).Client));
        }

        await host.Connection.StartRound(60, 2);

        var partnerOf = new Dictionary<string, string>();
        foreach (var (name, client) in clients)
        {
            partnerOf[name] = Assert.Single((await client.BreakoutStarted.WaitForAny()).Partners).DisplayName;
        }
        Assert.Equal(("Dirk", "Eva", "Fien"), (partnerOf["Ann"], partnerOf["Bob"], partnerOf["Cas"]));
    }
}

public sealed class InterestTagOnRedisTests(RedisNetwerkLiveFactory factory) : InterestTagTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
