using Microsoft.AspNetCore.SignalR;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Localization;

/// <summary>
/// Refusals over the hub in the language the connection asked for: <c>?lang=</c> first (what the browser client
/// sends), then Accept-Language, else English. Real clients over both protocols.
/// </summary>
public sealed class HubLanguageTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const string OnlyHostDutch = "Alleen de host van dit evenement kan mededelingen doen.";
    private const string OnlyHostEnglish = "Only the host of this event can make announcements.";

    /// <summary>Registers an attendee and connects and joins as they would with these language settings.</summary>
    private async Task<TestClient> JoinAsync(string eventId, HubProtocol protocol, string? lang = null, string? acceptLanguage = null, string? token = null)
    {
        token ??= (await factory.Api.RegisterAsync(eventId, new RegisterAttendeeRequest("Ann", "Hoya"))).Token;
        var client = new TestClient(factory.Connect(token, protocol, lang: lang, acceptLanguage: acceptLanguage), "", token);
        await client.Connection.StartAsync();
        await client.Connection.Join();
        return client;
    }

    private static async Task<string> AnnounceRefusalAsync(TestClient client) =>
        (await Assert.ThrowsAsync<HubException>(() => client.Connection.Announce("Welkom allemaal"))).Message;

    [Theory]
    [InlineData(HubProtocol.MessagePack)]
    [InlineData(HubProtocol.Json)]
    public async Task AConnectionThatAsksForDutchIsRefusedInDutch(HubProtocol protocol)
    {
        var created = await factory.CreateEventAsync();
        await using var ann = await JoinAsync(created.EventId, protocol, lang: "nl");

        Assert.Equal(HubRefusals.Message("Announce", OnlyHostDutch), await AnnounceRefusalAsync(ann));
    }

    [Fact]
    public async Task WithoutLangTheBrowsersAcceptLanguageChoosesDutch()
    {
        var created = await factory.CreateEventAsync();
        await using var ann = await JoinAsync(created.EventId, HubProtocol.Json, acceptLanguage: "nl-NL,nl;q=0.9,en;q=0.8");

        Assert.Equal(HubRefusals.Message("Announce", OnlyHostDutch), await AnnounceRefusalAsync(ann));
    }

    [Fact]
    public async Task LangInTheQueryWinsOverAcceptLanguage()
    {
        var created = await factory.CreateEventAsync();
        await using var ann = await JoinAsync(created.EventId, HubProtocol.MessagePack, lang: "en", acceptLanguage: "nl-NL,nl");

        Assert.Equal(HubRefusals.Message("Announce", OnlyHostEnglish), await AnnounceRefusalAsync(ann));
    }

    [Fact]
    public async Task ALanguageTheServerDoesNotSpeakGivesEnglish()
    {
        var created = await factory.CreateEventAsync();
        await using var ann = await JoinAsync(created.EventId, HubProtocol.MessagePack, lang: "fr", acceptLanguage: "fr-FR,de");

        Assert.Equal(HubRefusals.Message("Announce", OnlyHostEnglish), await AnnounceRefusalAsync(ann));
    }

    [Fact]
    public async Task EachTabOfOnePersonKeepsTheLanguageItConnectedWith()
    {
        var created = await factory.CreateEventAsync();
        var registration = await factory.Api.RegisterAsync(created.EventId, new RegisterAttendeeRequest("Ann"));
        await using var dutchTab = await JoinAsync(created.EventId, HubProtocol.MessagePack, lang: "nl", token: registration.Token);
        await using var englishTab = await JoinAsync(created.EventId, HubProtocol.MessagePack, token: registration.Token);

        // Alternating, so a language left behind by one call would show in the next.
        Assert.Equal(HubRefusals.Message("Announce", OnlyHostDutch), await AnnounceRefusalAsync(dutchTab));
        Assert.Equal(HubRefusals.Message("Announce", OnlyHostEnglish), await AnnounceRefusalAsync(englishTab));
        Assert.Equal(HubRefusals.Message("Announce", OnlyHostDutch), await AnnounceRefusalAsync(dutchTab));
    }

    [Fact]
    public async Task ARefusalWithANumberInItIsInDutchToo()
    {
        var created = await factory.CreateEventAsync();
        var host = new TestClient(factory.Connect(created.HostToken, HubProtocol.Json, lang: "nl"), "", created.HostToken);
        await using var _ = host;
        await host.Connection.StartAsync();
        await host.Connection.Join();

        var refused = await Assert.ThrowsAsync<HubException>(() => host.Connection.StartRound(60, 7));

        Assert.Equal(HubRefusals.Message("StartRound", "Een groep heeft 2 tot 4 personen; 7 kan niet."), refused.Message);
    }
}

/// <summary>The chat budget refused in Dutch, with its numbers and plurals, on a clock that only moves when told.</summary>
public sealed class HubLimitLanguageTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task TheSixthMessageInFiveSecondsIsRefusedInDutch()
    {
        var created = await factory.CreateEventAsync();
        var registration = await factory.Api.RegisterAsync(created.EventId, new RegisterAttendeeRequest("Bob"));
        var bob = new TestClient(factory.Connect(registration.Token, HubProtocol.MessagePack, lang: "nl"), registration.AttendeeId, registration.Token);
        await using var _ = bob;
        await bob.Connection.StartAsync();
        await bob.Connection.Join();
        for (var i = 1; i <= 5; i++)
        {
            await bob.Connection.SendChat($"Bericht {i}");
        }

        var sixth = await Assert.ThrowsAsync<HubException>(() => bob.Connection.SendChat("Bericht 6"));

        Assert.Equal(HubRefusals.Message("SendChat",
            "Je stuurt te snel berichten: hoogstens 5 berichten per 5 seconden. Wacht even en probeer het opnieuw; je bericht is niet verstuurd."),
            sixth.Message);
    }

    [Fact]
    public async Task ASixthTabIsClosedWithADutchSentence()
    {
        var created = await factory.CreateEventAsync();
        var registration = await factory.Api.RegisterAsync(created.EventId, new RegisterAttendeeRequest("Bob"));
        var tabs = Enumerable.Range(0, 6)
            .Select(_ => new TestClient(factory.Connect(registration.Token, HubProtocol.Json, lang: "nl"), registration.AttendeeId, registration.Token))
            .ToList();
        try
        {
            foreach (var tab in tabs[..5])
            {
                await tab.Connection.StartAsync();
                // A connection takes its slot after the handshake, before its first call is handled: the call makes sure
                // each of the five holds one before the sixth comes (else the sixth may win and one of them is closed).
                await tab.Connection.Join();
            }

            string? refusal;
            try
            {
                await tabs[5].Connection.StartAsync();
                // Closed by the server right after the handshake.
                refusal = (await tabs[5].Closed.WaitForAny())?.Message;
            }
            catch (Exception ex)
            {
                refusal = ex.Message;
            }

            Assert.Contains("Dit evenement is met jouw aanmelding al open in 5 tabbladen of apparaten, meer kan niet. Sluit er één en laad deze pagina opnieuw.",
                refusal, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var tab in tabs)
            {
                await tab.DisposeAsync();
            }
        }
    }
}
