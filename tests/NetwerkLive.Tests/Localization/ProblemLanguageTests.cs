using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Localization;

/// <summary>Every kind of refused HTTP call as an RFC 7807 problem in the language asked for: title, detail and field errors.</summary>
public sealed class ProblemLanguageTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }
        return await factory.CreateClient().SendAsync(request);
    }

    private static async Task AssertTitleAndDetailAsync(HttpResponseMessage response, HttpStatusCode status, string title, string detail)
    {
        var problem = await Problems.AssertProblemAsync(response, status);
        Assert.Equal((title, detail), (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task AnUnknownEventIsA404InDutch()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/events/bestaatniet?lang=nl");

        await AssertTitleAndDetailAsync(response, HttpStatusCode.NotFound, "Evenement niet gevonden",
            "Er is geen evenement 'bestaatniet'. Controleer de link die je hebt gekregen.");
    }

    [Fact]
    public async Task WithoutALanguageTheSame404IsInEnglish()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/events/bestaatniet", acceptLanguage: "fr-FR,fr;q=0.9");

        await AssertTitleAndDetailAsync(response, HttpStatusCode.NotFound, "Event not found",
            "There is no event 'bestaatniet'. Check the link you were given.");
    }

    [Fact]
    public async Task AnAddressWithNothingAtItIsA404InDutch()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/niets/hier?lang=nl");

        await AssertTitleAndDetailAsync(response, HttpStatusCode.NotFound, "Niet gevonden",
            "Op dit adres is niets te vinden. Controleer de link die je hebt gekregen.");
    }

    public static TheoryData<string, string, string> DutchFieldErrors => new()
    {
        { """{ "displayName": " " }""", "displayName", "Je naam mag niet leeg zijn." },
        { $$"""{ "displayName": "{{new string('n', 61)}}" }""", "displayName", "Je naam mag hoogstens 60 tekens lang zijn; dit zijn er 61." },
        { """{ "displayName": "Ann\u200B" }""", "displayName", "Je naam mag geen onzichtbare tekens of stuurtekens bevatten (gevonden: U+200B)." },
        { """{ "displayName": "Ann", "interests": ["a","b","c","d","e","f","g","h","i","j","k"] }""", "interests", "Je kunt hoogstens 10 interesses opgeven; je gaf er 11." },
        { """{ "displayName": "Ann", "contact": "ann bij hoya" }""", "contact",
            "Je contactgegeven moet een e-mailadres zijn (naam@voorbeeld.nl), een telefoonnummer (zoals 06-12345678 of +31 6 12345678) of een profieladres dat begint met https://." },
    };

    [Theory]
    [MemberData(nameof(DutchFieldErrors))]
    public async Task ARefusedRegistrationNamesTheFieldInDutch(string json, string field, string error)
    {
        var created = await factory.CreateEventAsync();

        using var response = await SendAsync(HttpMethod.Post, $"/api/events/{created.EventId}/attendees", json, acceptLanguage: "nl-NL,nl;q=0.9,en;q=0.8");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Je aanmelding kon niet worden opgeslagen.", problem.GetProperty("title").GetString());
        Assert.Equal([error], problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(error, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AMissingTokenIsA401InDutch()
    {
        var created = await factory.CreateEventAsync();

        using var response = await SendAsync(HttpMethod.Get, $"/api/events/{created.EventId}/report?lang=nl");

        await AssertTitleAndDetailAsync(response, HttpStatusCode.Unauthorized, "Niet aangemeld bij dit evenement",
            "Hiervoor is een toegangstoken nodig: stuur die mee als 'Authorization: Bearer TOKEN', of naar de hub als '?access_token=TOKEN'.");
    }

    [Fact]
    public async Task AnUnreadableCharacterSetIsA415InDutch()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{ "title": "Live" }"""));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=bogus");

        using var response = await factory.CreateClient().PostAsync(new Uri("/api/events?lang=nl", UriKind.Relative), content);

        await AssertTitleAndDetailAsync(response, HttpStatusCode.UnsupportedMediaType, "De tekenset van het verzoek wordt niet ondersteund",
            "De server kan geen tekst lezen in de tekenset die dit verzoek noemt. Stuur de inhoud als UTF-8-JSON (Content-Type: application/json; charset=utf-8).");
    }

    [Theory]
    [InlineData("nl", "Het verzoek is geen JSON", "Dit adres neemt JSON aan: stuur de inhoud met Content-Type: application/json.")]
    [InlineData("en", "The request is not JSON", "This address takes JSON: send the body with Content-Type: application/json.")]
    public async Task ABodySentAsPlainTextIsA415InThePersonsLanguage(string lang, string title, string detail)
    {
        using var content = new StringContent("""{ "title": "Live" }""", Encoding.UTF8, "text/plain");

        using var response = await factory.CreateClient().PostAsync(new Uri($"/api/events?lang={lang}", UriKind.Relative), content);

        await AssertTitleAndDetailAsync(response, HttpStatusCode.UnsupportedMediaType, title, detail);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsA400InDutch()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/events?lang=nl", "{ \"title\": ");

        await AssertTitleAndDetailAsync(response, HttpStatusCode.BadRequest, "Het verzoek kon niet worden gelezen",
            "De inhoud van het verzoek is geen geldige JSON: stuur een volledig JSON-object met de velden die dit adres verwacht.");
    }

    [Theory]
    [InlineData("nl", "", "Het verzoek kon niet worden gelezen", "Het verzoek heeft geen inhoud: dit adres verwacht een JSON-object met de velden die het nodig heeft.")]
    [InlineData("en", "", "The request could not be read", "The request has no body: this address takes a JSON object with the fields it needs.")]
    [InlineData("nl", null, "Het verzoek kon niet worden gelezen", "Het verzoek heeft geen inhoud: dit adres verwacht een JSON-object met de velden die het nodig heeft.")]
    public async Task ARequestWithoutTheBodyItNeedsIsA400InThePersonsLanguage(string lang, string? emptyOrNone, string title, string detail)
    {
        var created = await factory.CreateEventAsync();

        // An empty JSON body, or no content at all.
        using var response = await SendAsync(HttpMethod.Post, $"/api/events/{created.EventId}/attendees?lang={lang}", json: emptyOrNone);

        await AssertTitleAndDetailAsync(response, HttpStatusCode.BadRequest, title, detail);
    }
}

/// <summary>Rate-limit refusals (429) in Dutch, with every limit at its default.</summary>
public sealed class RateLimitLanguageTests(DefaultLimitsFactory factory) : IClassFixture<DefaultLimitsFactory>
{
    [Fact]
    public async Task TheTwentyFirstEventWithinAnHourIsA429InDutch()
    {
        using var http = factory.HttpFrom(DefaultLimitsFactory.NewClientAddress());
        http.DefaultRequestHeaders.Add("Accept-Language", "nl");
        for (var i = 0; i < 20; i++)
        {
            using var created = await http.PostAsJsonAsync("/api/events", new CreateEventRequest("Bedrijvenkring live"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var refused = await http.PostAsJsonAsync("/api/events", new CreateEventRequest("Bedrijvenkring live"));

        var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("Te veel verzoeken", problem.GetProperty("title").GetString());
        // One event's worth comes back every 3 minutes, and the clock stands still: "over 3 minuten".
        Assert.Equal("Er zijn te veel evenementen aangemaakt vanaf jouw netwerk: hoogstens 20 per uur. Probeer het over 3 minuten opnieuw.",
            problem.GetProperty("detail").GetString());
    }
}
