using System.Net;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Schedule.IcsText;
using static NetwerkLive.Tests.Schedule.ScheduleHttp;

namespace NetwerkLive.Tests.Schedule;

/// <summary>"Add to calendar": GET /api/events/{id}/calendar.ics as RFC 5545, read back the way a calendar reads it.</summary>
public class CalendarTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private const string Title = @"Borrel; netwerken, praten \ lachen";
    private const string Description = "Welkom bij de voorjaarsborrel van de Bedrijvenkring Zuidoost-Utrecht, met ondernemers uit Houten, Bunnik en Wijk bij Duurstede.\nCafé Ñandú 🎉 om de hoek; parkeren kan achter.";

    private static readonly DateTimeOffset Start = new(DateTime.UtcNow.Date.AddDays(10).AddHours(17).AddMinutes(30), TimeSpan.Zero);

    private async Task<(string EventId, string JoinUrl, HttpResponseMessage Response)> CalendarAsync(string lang)
    {
        var created = await factory.Api.CreateEventAsync(Request(Start.ToOffset(TimeSpan.FromHours(1)), Description) with { Title = Title });
        var response = await factory.CreateClient().GetAsync(new Uri($"/api/events/{created.EventId}/calendar.ics?lang={lang}", UriKind.Relative));
        return (created.EventId, created.JoinUrl, response);
    }

    [Fact]
    public async Task TheCalendarFileIsOneEventWithTheTitleTheStartInUtcAndTheJoinLink()
    {
        var (eventId, joinUrl, response) = await CalendarAsync("en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var lines = ContentLines(await response.Content.ReadAsByteArrayAsync());
        // One VEVENT inside one VCALENDAR; the order of properties within a component is free (RFC 5545 3.6).
        Assert.Equal([("BEGIN", "VCALENDAR"), ("BEGIN", "VEVENT"), ("END", "VEVENT"), ("END", "VCALENDAR")],
            lines.Where(l => l.Name is "BEGIN" or "END").Select(l => (l.Name, l.Value)));
        Assert.Equal((("BEGIN", "VCALENDAR"), ("END", "VCALENDAR")), (lines[0], lines[^1]));
        Assert.Equal(["DESCRIPTION", "DTEND", "DTSTAMP", "DTSTART", "METHOD", "PRODID", "SEQUENCE", "SUMMARY", "UID", "URL", "VERSION"],
            lines.Select(l => l.Name).Where(n => n is not ("BEGIN" or "END")).Order(StringComparer.Ordinal));
        Assert.Equal("2.0", Single(lines, "VERSION"));
        Assert.Equal($"{eventId}@netwerklive", Single(lines, "UID"));
        Assert.Equal(Start.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), Single(lines, "DTSTART"));
        Assert.Equal(Start.AddHours(1).ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), Single(lines, "DTEND"));
        Assert.Matches(@"^\d{8}T\d{6}Z$", Single(lines, "DTSTAMP"));
        Assert.Equal(Title, Unescape(Single(lines, "SUMMARY")));
        Assert.Equal(Description + "\n\nJoin the event here: " + joinUrl, Unescape(Single(lines, "DESCRIPTION")));
        Assert.Equal(joinUrl, Single(lines, "URL"));
    }

    [Fact]
    public async Task TheCalendarFileSpeaksDutchForLangNlAndKeepsItsUid()
    {
        var (eventId, joinUrl, response) = await CalendarAsync("nl");
        using var again = await factory.CreateClient().GetAsync(new Uri($"/api/events/{eventId}/calendar.ics?lang=en", UriKind.Relative));

        var lines = ContentLines(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(Description + "\n\nDoe hier mee met het evenement: " + joinUrl, Unescape(Single(lines, "DESCRIPTION")));
        Assert.Equal(Single(lines, "UID"), Single(ContentLines(await again.Content.ReadAsByteArrayAsync()), "UID"));
    }

    [Fact]
    public async Task AnEventWithoutAStartTimeHasNoCalendarFile()
    {
        var created = await factory.Api.CreateEventAsync(Request());

        using var english = await factory.CreateClient().GetAsync(new Uri($"/api/events/{created.EventId}/calendar.ics?lang=en", UriKind.Relative));
        using var dutch = await factory.CreateClient().GetAsync(new Uri($"/api/events/{created.EventId}/calendar.ics?lang=nl", UriKind.Relative));

        var inEnglish = await Problems.AssertProblemAsync(english, HttpStatusCode.Conflict);
        var inDutch = await Problems.AssertProblemAsync(dutch, HttpStatusCode.Conflict);
        Assert.Equal(("No start time", "This event has no start time, so there is nothing to put in a calendar."),
            (inEnglish.GetProperty("title").GetString(), inEnglish.GetProperty("detail").GetString()));
        Assert.Equal(("Geen starttijd", "Dit evenement heeft geen starttijd, dus er valt niets in je agenda te zetten."),
            (inDutch.GetProperty("title").GetString(), inDutch.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task AnUnknownEventsCalendarIsA404InDutch()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/events/bestaatniet/calendar.ics?lang=nl", UriKind.Relative));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Er is geen evenement 'bestaatniet'. Controleer de link die je hebt gekregen.", problem.GetProperty("detail").GetString());
    }
}

public sealed class CalendarOnRedisTests(RedisNetwerkLiveFactory factory) : CalendarTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
