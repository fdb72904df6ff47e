using System.Net;
using static NetwerkLive.Tests.Coffees.CoffeeScene;

namespace NetwerkLive.Tests.Coffees;

/// <summary>The agreed coffee's ICS invite: in the person's zone and language, only for the two, only once agreed.</summary>
public class CoffeeCalendarTests
{
    /// <summary>Whether each test's own server runs in Redis mode.</summary>
    protected virtual bool OnRedis => false;

    [Fact]
    public async Task TheCalendarFileIsInThePersonsZoneAndLanguageAndNamesNoContact()
    {
        await using var scene = await CreateAsync(OnRedis);
        var agreed = await scene.AgreeAsync(minutesAhead: 24 * 60);

        using var response = await scene.GetCalendarAsync(scene.Bob.Token, "?lang=nl&tz=Europe/Amsterdam");

        var ics = await response.Content.ReadAsStringAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(agreed.StartsAt!.Value), zone);
        var lines = ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("BEGIN:VTIMEZONE", lines);
        Assert.Contains("TZID:Europe/Amsterdam", lines);
        Assert.Contains($"DTSTART;TZID=Europe/Amsterdam:{local:yyyyMMdd'T'HHmmss}", lines);
        Assert.Contains("SUMMARY:Online koffie met Ann", lines);
        Assert.DoesNotContain("ann@hoya.example", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("bob@bos.example", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCalendarFileIsInUtcAndEnglishWithoutAZone()
    {
        await using var scene = await CreateAsync(OnRedis);
        var agreed = await scene.AgreeAsync();

        using var response = await scene.GetCalendarAsync(scene.Ann.Token, "?lang=en");

        var lines = (await response.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        Assert.Contains($"DTSTART:{DateTimeOffset.FromUnixTimeMilliseconds(agreed.StartsAt!.Value).UtcDateTime:yyyyMMdd'T'HHmmss}Z", lines);
        Assert.Contains("SUMMARY:Online coffee with Bob", lines);
    }

    [Fact]
    public async Task TheCalendarFileOfSomeoneElsesCoffeeIsNotFound()
    {
        await using var scene = await CreateAsync(OnRedis);
        await scene.AgreeAsync();

        using var response = await scene.GetCalendarAsync(scene.Cas.Token, "");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheCalendarFileOfACoffeeWithoutAnAgreedTimeIsAConflict()
    {
        await using var scene = await CreateAsync(OnRedis);

        using var response = await scene.GetCalendarAsync(scene.Ann.Token, "");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}

/// <summary>The same tests with the server in Redis mode.</summary>
public sealed class CoffeeCalendarOnRedisTests : CoffeeCalendarTests
{
    protected override bool OnRedis => true;
}
