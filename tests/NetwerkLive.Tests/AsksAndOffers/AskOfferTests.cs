using System.Net;
using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Schedule.ScheduleHttp;

namespace NetwerkLive.Tests.AsksAndOffers;

/// <summary>"Ik zoek / Ik bied": given at registration or in the room, seen by everyone, refused with a sentence.</summary>
public class AskOfferTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private static readonly string[] Tags = ["Duurzaamheid", "Financiën", "Zorg"];

    private Task<LiveEvent> EventAsync(string[]? tags = null) =>
        LiveEvent.CreateAsync(factory, HubProtocol.MessagePack, Request(tags: tags ?? Tags, allowOwn: true));

    private async Task<(TestClient Client, JoinResult Join)> RegisterAndJoinAsync(LiveEvent live, string name, AskOffer? ask, AskOffer? offer,
        string? company = null)
    {
        var registration = await factory.Api.RegisterAsync(live.Id, new RegisterAttendeeRequest(name, company, Ask: ask, Offer: offer));
        var (client, join) = await factory.ConnectAsync(registration.AttendeeId, registration.Token);
        return (client, join!);
    }

    [Fact]
    public async Task AnAskAndOfferGivenAtRegistrationAreInJoinAndInTheOthersList()
    {
        await using var live = await EventAsync();
        var (ann, annJoin) = await RegisterAndJoinAsync(live, "Ann",
            new AskOffer("  Een accountant die startups snapt  ", ["financiën"]), new AskOffer("Advies over zonnepanelen", ["DUURZAAMHEID", "zorg"]));
        await using var _ = ann;

        var (bob, bobJoin) = await live.JoinAsync("Bob");

        Assert.Equal("Een accountant die startups snapt", annJoin.Self.Ask!.Text);
        Assert.Equal(["Financiën"], annJoin.Self.Ask.Tags);
        Assert.Equal(["Duurzaamheid", "Zorg"], annJoin.Self.Offer!.Tags);
        var annSeen = Assert.Single(bobJoin.Attendees, a => a.Id == ann.AttendeeId);
        Assert.Equal(("Een accountant die startups snapt", "Advies over zonnepanelen"), (annSeen.Ask!.Text, annSeen.Offer!.Text));
    }

    [Fact]
    public async Task SetAskAndOfferReachesOthersAsAPresenceUpdateAndIsStored()
    {
        await using var live = await EventAsync();
        var (ann, _) = await live.JoinAsync("Ann");
        var (bob, _) = await live.JoinAsync("Bob");

        var returned = await ann.Connection.SetAskAndOffer(new AskOffer(" Hulp bij subsidies ", ["zorg"]), null);

        var update = await bob.Presence.WaitFor(p => p.Updated.Any(a => a.Id == ann.AttendeeId && a.Ask is not null));
        var seen = Assert.Single(update.Updated, a => a.Id == ann.AttendeeId);
        Assert.Equal(("Hulp bij subsidies", (AskOffer?)null), (seen.Ask!.Text, seen.Offer));
        Assert.Equal(["Zorg"], seen.Ask.Tags);
        Assert.Equal("Hulp bij subsidies", returned.Ask!.Text);
        var (_, again) = await live.OpenTabAsync(ann);
        Assert.Equal("Hulp bij subsidies", again.Self.Ask!.Text);
    }

    [Fact]
    public async Task NullClearsTheAskAndTheOfferAndTakesThemOffTheBoard()
    {
        await using var live = await EventAsync();
        var (ann, _) = await RegisterAndJoinAsync(live, "Ann", new AskOffer("Een accountant", []), new AskOffer("Advies over zonnepanelen", []));
        await using var _ = ann;

        var cleared = await ann.Connection.SetAskAndOffer(null, null);

        Assert.Equal(((AskOffer?)null, (AskOffer?)null), (cleared.Ask, cleared.Offer));
        Assert.Empty(await ann.Connection.GetBoard());
    }

    [Theory]
    [InlineData("en", "empty text", "What you are looking for: write a few words as well, not only tags.")]
    [InlineData("nl", "empty text", "Wat je zoekt: schrijf er ook een paar woorden bij, niet alleen tags.")]
    [InlineData("en", "four tags", "What you are looking for can have at most 3 tags; you chose 4.")]
    [InlineData("nl", "four tags", "Wat je zoekt mag hoogstens 3 tags hebben; je koos er 4.")]
    [InlineData("en", "not a tag", "What you are looking for: choose tags from the event's list: 'Zeilen' is not on it.")]
    [InlineData("nl", "not a tag", "Wat je zoekt: kies tags uit de lijst van dit evenement: 'Zeilen' staat er niet bij.")]
    [InlineData("en", "too long", "What you are looking for can be at most 200 characters long; this one has 201.")]
    [InlineData("nl", "too long", "Wat je zoekt mag hoogstens 200 tekens lang zijn; dit zijn er 201.")]
    public async Task AnAskThatBreaksTheRulesIsRefusedWithASentence(string lang, string what, string sentence)
    {
        await using var live = await EventAsync(["Duurzaamheid", "Financiën", "Zorg", "Wonen"]);
        var registration = await factory.Api.RegisterAsync(live.Id, new RegisterAttendeeRequest("Ann"));
        await using var ann = new TestClient(factory.Connect(registration.Token, HubProtocol.MessagePack, lang: lang), registration.AttendeeId, registration.Token);
        await ann.Connection.StartAsync();
        await ann.Connection.Join();
        var ask = what switch
        {
            "empty text" => new AskOffer("   ", ["Zorg"]),
            "four tags" => new AskOffer("Een accountant", ["Duurzaamheid", "Financiën", "Zorg", "Wonen"]),
            "not a tag" => new AskOffer("Een accountant", ["Zorg", "Zeilen"]),
            _ => new AskOffer(new string('a', 201), []),
        };

        var refused = await Assert.ThrowsAsync<HubException>(() => ann.Connection.SetAskAndOffer(ask, null));

        Assert.Equal(HubRefusals.Message("SetAskAndOffer", sentence), refused.Message);
    }

    [Theory]
    [InlineData("en", "What you can offer: this event has no tags to choose from, so leave them out.", "Your registration could not be saved.")]
    [InlineData("nl", "Wat je kunt bieden: dit evenement heeft geen tags om uit te kiezen, dus laat ze weg.", "Je aanmelding kon niet worden opgeslagen.")]
    public async Task AnOfferWithTagsInAnEventWithoutTagsIsRefusedAtRegistration(string lang, string sentence, string title)
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack);

        using var response = await PostAsync(factory, $"/api/events/{live.Id}/attendees",
            new RegisterAttendeeRequest("Ann", Offer: new AskOffer("Advies over zonnepanelen", ["Zonne-energie"])), lang);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(sentence, await FieldErrorAsync(response, "offer", title));
    }

    [Fact]
    public async Task ComplementaryPeopleMeetWithTheirAsksAndOffersOnThePartnerCardAndTheReportCountsThem()
    {
        await using var live = await EventAsync();
        var (host, _) = await live.JoinAsHostAsync();
        // Two complementary pairs among four people from four companies: chance alone makes both pairs 1 in 3.
        var (ann, _) = await RegisterAndJoinAsync(live, "Ann", new AskOffer("Wie kent de subsidieregels voor zonnepanelen?", []), null, "Hoya");
        var (cas, _) = await RegisterAndJoinAsync(live, "Cas", new AskOffer("Een goede boekhouder", ["Financiën"]), null, "Cafe Cas");
        var (bob, _) = await RegisterAndJoinAsync(live, "Bob", null, new AskOffer("Ik ken de subsidieregels goed", []), "Bakkerij Bos");
        var (dirk, _) = await RegisterAndJoinAsync(live, "Dirk", null, new AskOffer("Boekhouding voor kleine bedrijven", ["financiën"]), "Dirk BV");
        await using var _ = ann;
        await using var __ = bob;
        await using var ___ = cas;
        await using var ____ = dirk;

        var round = await host.Connection.StartRound(60, 2);

        var annCard = await ann.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        var casCard = await cas.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId);
        var bobOnAnnsCard = Assert.Single(annCard.Partners);
        Assert.Equal((bob.AttendeeId, "Ik ken de subsidieregels goed"), (bobOnAnnsCard.Id, bobOnAnnsCard.Offer!.Text));
        Assert.Equal(dirk.AttendeeId, Assert.Single(casCard.Partners).Id);
        var report = await factory.Api.GetReportAsync(live.Id, live.Created.HostToken);
        Assert.Equal(2, report.AskOfferMatches);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/events/{live.Id}/report?format=csv", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", live.Created.HostToken);
        using var csv = await factory.CreateClient().SendAsync(request);
        Assert.Contains("total,askOfferMatches,2", (await csv.Content.ReadAsStringAsync()).Split("\r\n"));
    }

    [Fact]
    public async Task ALateJoinerJoinsTheGroupOfSomeoneComplementaryBeforeOneWithSharedInterests()
    {
        await using var live = await EventAsync();
        var (host, _) = await live.JoinAsHostAsync();
        // Cas and Dirk share an interest, so the round pairs them and Ann with Bob; Eva shares that interest too,
        // but her offer answers Ann's ask, which weighs more (People.Penalty, as the engine's affinity).
        var (ann, _) = await RegisterAndJoinAsync(live, "Ann", new AskOffer("Wie kent de subsidieregels?", []), null, "Hoya");
        var (bob, _) = await live.JoinAsync("Bob", "Bakkerij Bos");
        var (cas, _) = await live.JoinAsync("Cas", "Cafe Cas", interests: ["Zorg"]);
        var (dirk, _) = await live.JoinAsync("Dirk", "Dirk BV", interests: ["zorg"]);
        await using var _ = ann;
        var round = await host.Connection.StartRound(600, 2);
        Assert.Equal(dirk.AttendeeId, Assert.Single((await cas.BreakoutStarted.WaitFor(a => a.RoundId == round.RoundId)).Partners).Id);

        var registration = await factory.Api.RegisterAsync(live.Id,
            new RegisterAttendeeRequest("Eva", "Eva Events", ["Zorg"], Offer: new AskOffer("Ik ken de subsidieregels", [])));
        var (eva, join) = await factory.ConnectAsync(registration.AttendeeId, registration.Token);
        await using var __ = eva;

        Assert.Equal(new[] { ann.AttendeeId, bob.AttendeeId }.Order(StringComparer.Ordinal),
            join!.Breakout!.Partners.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal(1, (await factory.Api.GetReportAsync(live.Id, live.Created.HostToken)).AskOfferMatches);
    }
}

/// <summary>The same with the server in Redis mode: asks and offers are stored in the attendee's record there.</summary>
public sealed class AskOfferOnRedisTests(RedisNetwerkLiveFactory factory) : AskOfferTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
