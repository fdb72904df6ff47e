using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;
using static NetwerkLive.Tests.Schedule.ScheduleHttp;

namespace NetwerkLive.Tests.Schedule;

/// <summary>The event's start time, description and interest tags: checked on create, kept, and shown in GET and Join.</summary>
public class ScheduleFieldTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private static readonly DateTimeOffset InAWeek = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(7).AddHours(18).AddMinutes(30), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(1));

    [Fact]
    public async Task TheStartTimeDescriptionAndTagsComeBackInGetAndInJoin()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack,
            Request(InAWeek, "Netwerken voor ondernemers uit de regio.\nNeem je visitekaartjes mee!", [" Duurzaamheid ", "AI", "ai", "Zorg"], allowOwn: false));

        var fetched = await live.GetAsync();
        var (_, join) = await live.JoinAsync("Ann", interests: ["duurzaamheid"]);

        foreach (var summary in new[] { fetched, join.Event })
        {
            Assert.Equal(InAWeek.ToUnixTimeMilliseconds(), summary.StartsAt);
            Assert.Null(summary.LiveAt);
            Assert.Equal("Netwerken voor ondernemers uit de regio.\nNeem je visitekaartjes mee!", summary.Description);
            Assert.Equal(["Duurzaamheid", "AI", "Zorg"], summary.InterestTags);
            Assert.False(summary.AllowOwnInterests);
        }
    }

    [Fact]
    public async Task AnEventWithoutScheduleFieldsHasNoStartTimeNoTagsAndAllowsOwnInterests()
    {
        await using var live = await LiveEvent.CreateAsync(factory, HubProtocol.Json, new CreateEventRequest("Borrel"));

        var (_, join) = await live.JoinAsync("Ann", interests: ["Zeilen"]);

        Assert.Equal((null, null, null, true), (join.Event.StartsAt, join.Event.LiveAt, join.Event.Description, join.Event.AllowOwnInterests));
        Assert.Empty(join.Event.InterestTags);
        Assert.Equal(["Zeilen"], join.Self.Interests);
    }

    [Fact]
    public async Task AStartTimeInZuluTimeWithMillisecondsIsTakenAsTheSameInstant()
    {
        var created = await factory.Api.CreateEventAsync(new CreateEventRequest("Borrel",
            StartsAt: InAWeek.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(InAWeek.ToUnixTimeMilliseconds(), (await factory.Api.GetEventAsync(created.EventId)).StartsAt);
    }

    public static TheoryData<string, string, string, string> RefusedFields
    {
        get
        {
            var now = DateTimeOffset.UtcNow;
            var tooLong = new string('x', 1001);
            var tags = Enumerable.Range(1, 21).Select(i => $"tag{i}").ToArray();
            return new()
            {
                { Json(new { title = "Borrel", startsAt = "2026-12-15T19:30:00" }), "startsAt",
                    "The start time must be a date and time with its offset from UTC, such as 2026-12-15T19:30:00+01:00.",
                    "De starttijd moet een datum en tijd zijn met de afwijking van UTC erbij, zoals 2026-12-15T19:30:00+01:00." },
                { Json(new { title = "Borrel", startsAt = "volgende week dinsdag" }), "startsAt",
                    "The start time must be a date and time with its offset from UTC, such as 2026-12-15T19:30:00+01:00.",
                    "De starttijd moet een datum en tijd zijn met de afwijking van UTC erbij, zoals 2026-12-15T19:30:00+01:00." },
                { Json(new { title = "Borrel", startsAt = Iso(now.AddMinutes(-65)) }), "startsAt",
                    "The start time is more than an hour ago; choose a time that is still to come.",
                    "De starttijd ligt meer dan een uur terug; kies een tijd die nog moet komen." },
                { Json(new { title = "Borrel", startsAt = Iso(now.AddDays(367)) }), "startsAt",
                    "The start time can be at most a year from now.",
                    "De starttijd mag hoogstens een jaar vooruit liggen." },
                { Json(new { title = "Borrel", description = tooLong }), "description",
                    "The description can be at most 1000 characters long; this one has 1001.",
                    "De beschrijving mag hoogstens 1000 tekens lang zijn; dit zijn er 1001." },
                { Json(new { title = "Borrel", description = "Welkom\u202E" }), "description",
                    "The description cannot contain invisible or control characters (found U+202E).",
                    "De beschrijving mag geen onzichtbare tekens of stuurtekens bevatten (gevonden: U+202E)." },
                { Json(new { title = "Borrel", interestTags = tags }), "interestTags",
                    "You can give at most 20 interests; you gave 21.",
                    "Je kunt hoogstens 20 interesses opgeven; je gaf er 21." },
                { Json(new { title = "Borrel", interestTags = new[] { "AI", new string('t', 41) } }), "interestTags",
                    "The interest tag 'tttttttttttttttttttt…' can be at most 40 characters long; this one has 41.",
                    "De interesse 'tttttttttttttttttttt…' mag hoogstens 40 tekens lang zijn; dit zijn er 41." },
            };
        }
    }

    private static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    [Theory]
    [MemberData(nameof(RefusedFields))]
    public async Task ARefusedScheduleFieldIsNamedInEnglishAndInDutch(string body, string field, string english, string dutch)
    {
        var request = System.Text.Json.JsonSerializer.Deserialize<CreateEventRequest>(body, Web)!;

        using var inEnglish = await PostAsync(factory, "/api/events", request, "en");
        using var inDutch = await PostAsync(factory, "/api/events", request, "nl");

        Assert.Equal(english, await FieldErrorAsync(inEnglish, field, "The event could not be created."));
        Assert.Equal(dutch, await FieldErrorAsync(inDutch, field, "Het evenement kon niet worden aangemaakt."));
    }
}

public sealed class ScheduleFieldOnRedisTests(RedisNetwerkLiveFactory factory) : ScheduleFieldTests(factory), IClassFixture<RedisNetwerkLiveFactory>;
