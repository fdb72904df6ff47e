using System.Net;
using System.Text;
using System.Text.Json;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Integration;

/// <summary>The HTTP API as a plain HTTP client sees it: status codes, camelCase JSON, ProblemDetails.</summary>
public sealed class HttpApiTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    [Fact]
    public async Task CreatingAnEventAnswers201WithItsIdHostTokenJoinUrlAndLocation()
    {
        using var response = await PostAsync("/api/events", """{ "title": "Bedrijvenkring live", "livestreamUrl": "https://www.youtube.com/embed/abc" }""");
        var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["eventId", "hostToken", "joinUrl", "personToken"], PropertyNames(body));
        var eventId = body.GetProperty("eventId").GetString()!;
        Assert.EndsWith($"/e/{eventId}", body.GetProperty("joinUrl").GetString());
        Assert.Equal($"/api/events/{eventId}", response.Headers.Location?.OriginalString);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("hostToken").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("personToken").GetString()));
    }

    public static TheoryData<string, string, string> InvalidEvents => new()
    {
        { """{ "title": "" }""", "title", "The title cannot be empty." },
        { """{ "title": "   " }""", "title", "The title cannot be empty." },
        { "{}", "title", "The title cannot be empty." },
        { $$"""{ "title": "{{new string('t', 121)}}" }""", "title", "The title can be at most 120 characters long; this one has 121." },
        { """{ "title": "Live", "livestreamUrl": "youtube.com/live" }""", "livestreamUrl", "The livestream URL must be a full http:// or https:// address" },
        { """{ "title": "Live", "livestreamUrl": "javascript:alert(1)" }""", "livestreamUrl", "The livestream URL must be a full http:// or https:// address" },
        { """{ "title": "Live", "meetingUrlTemplate": "https://meet.jit.si/netwerk" }""", "meetingUrlTemplate", "The meeting URL template must contain {room}" },
        { """{ "title": "\u200B" }""", "title", "The title cannot contain invisible or control characters (found U+200B)." },
        { """{ "title": "- - -" }""", "title", "The title needs at least one letter or digit." },
        { """{ "title": "Live", "hostName": "Host\u200E" }""", "hostName", "The host name cannot contain invisible or control characters (found U+200E)." },
    };

    [Theory]
    [MemberData(nameof(InvalidEvents))]
    public async Task AnInvalidEventIsRefusedWithAProblemNamingTheField(string json, string field, string explanation)
    {
        using var response = await PostAsync("/api/events", json);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(explanation, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Contains(explanation, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnEventWithAMeetingUrlTemplateContainingRoomIsAccepted()
    {
        using var response = await PostAsync("/api/events", $$"""{ "title": "{{new string('t', 120)}}", "meetingUrlTemplate": "https://meet.jit.si/netwerk-{room}" }""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/events")]
    [InlineData("/api/events/{eventId}/attendees")]
    public async Task MalformedJsonIsRefusedWithA400Problem(string path)
    {
        var created = await factory.CreateEventAsync();

        using var response = await PostAsync(path.Replace("{eventId}", created.EventId, StringComparison.Ordinal), """{ "title": "Live", """);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GettingAnUnknownEventIsA404Problem()
    {
        using var http = factory.CreateClient();
        using var response = await http.GetAsync(new Uri("/api/events/nosuchevent", UriKind.Relative));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("There is no event 'nosuchevent'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GettingAnEventShowsItsTitleLivestreamAndHowManyArePresent()
    {
        var created = await factory.CreateEventAsync("Ondernemerscafé");
        var (ann, _) = await factory.JoinAsync(created.EventId, "Ann");
        var (bob, _) = await factory.JoinAsync(created.EventId, "Bob");
        await factory.Api.RegisterAsync(created.EventId, new("Registered but not in the room"));
        await using var _ann = ann;
        await using var _bob = bob;

        using var http = factory.CreateClient();
        using var response = await http.GetAsync(new Uri($"/api/events/{created.EventId}", UriKind.Relative));
        var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["eventId", "title", "livestreamUrl", "attendeeCount", "seriesKey", "meetingMode", "startsAt", "liveAt", "description", "interestTags", "allowOwnInterests",
            "endedAt", "replayUrl", "chatOpen", "openUntil"],
            PropertyNames(body));
        Assert.Equal(created.EventId, body.GetProperty("eventId").GetString());
        Assert.Equal("Ondernemerscafé", body.GetProperty("title").GetString());
        Assert.Equal("https://www.youtube.com/embed/abc", body.GetProperty("livestreamUrl").GetString());
        Assert.Equal(2, body.GetProperty("attendeeCount").GetInt32());
        Assert.Equal("inPage", body.GetProperty("meetingMode").GetString());
    }

    [Fact]
    public async Task RegisteringAnswers201WithTheAttendeeIdTokenAndPersonToken()
    {
        var created = await factory.CreateEventAsync();

        using var response = await PostAsync($"/api/events/{created.EventId}/attendees",
            """{ "displayName": "Ann", "company": "Hoya", "interests": ["water", "cleantech"], "contact": "ann@example.org" }""");
        var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["attendeeId", "token", "personToken"], PropertyNames(body));
        Assert.Equal($"/api/events/{created.EventId}/attendees/{body.GetProperty("attendeeId").GetString()}", response.Headers.Location?.OriginalString);
    }

    public static TheoryData<string, string, string> InvalidRegistrations => new()
    {
        { "{}", "displayName", "Your display name cannot be empty." },
        { """{ "displayName": " " }""", "displayName", "Your display name cannot be empty." },
        { $$"""{ "displayName": "{{new string('n', 61)}}" }""", "displayName", "Your display name can be at most 60 characters long; this one has 61." },
        { """{ "displayName": "Ann", "interests": ["a","b","c","d","e","f","g","h","i","j","k"] }""", "interests", "You can give at most 10 interests; you gave 11." },
        { """{ "displayName": "Ann", "contact": "ann at example" }""", "contact", "Contact must be an e-mail address" },
        { """{ "displayName": "Ann", "contact": "https://" }""", "contact", "Contact must be a full http:// or https:// address" },
        { """{ "displayName": "\u200B" }""", "displayName", "Your display name cannot contain invisible or control characters (found U+200B)." },
        { """{ "displayName": "\u200E" }""", "displayName", "Your display name cannot contain invisible or control characters (found U+200E)." },
        { """{ "displayName": "Host\u200E" }""", "displayName", "Your display name cannot contain invisible or control characters (found U+200E)." },
        { """{ "displayName": "\u202EnnA" }""", "displayName", "Your display name cannot contain invisible or control characters (found U+202E)." },
        { """{ "displayName": "🎉🎉" }""", "displayName", "Your display name needs at least one letter or digit." },
    };

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task AnInvalidRegistrationIsRefusedWithAProblemNamingTheField(string json, string field, string explanation)
    {
        var created = await factory.CreateEventAsync();

        using var response = await PostAsync($"/api/events/{created.EventId}/attendees", json);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(explanation, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Contains(explanation, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("Ann 👨‍👩‍👧")]
    [InlineData("Ann 🏴󠁧󠁢󠁥󠁮󠁧󠁿")]
    public async Task ANameWithAnEmojiSequenceIsAccepted(string displayName)
    {
        var created = await factory.CreateEventAsync();

        using var response = await PostAsync($"/api/events/{created.EventId}/attendees", JsonSerializer.Serialize(new { displayName }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task TenInterestsAndASixtyCharacterNameAreAccepted()
    {
        var created = await factory.CreateEventAsync();

        using var response = await PostAsync($"/api/events/{created.EventId}/attendees",
            $$"""{ "displayName": "{{new string('n', 60)}}", "interests": ["a","b","c","d","e","f","g","h","i","j"] }""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task RegisteringForAnUnknownEventIsA404Problem()
    {
        using var response = await PostAsync("/api/events/nosuchevent/attendees", """{ "displayName": "Ann" }""");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("There is no event 'nosuchevent'", problem.GetProperty("detail").GetString());
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string json)
    {
        using var http = factory.CreateClient();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string[] PropertyNames(JsonElement body) => [.. body.EnumerateObject().Select(p => p.Name)];
}
