using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.Tests.Infrastructure;

namespace NetwerkLive.Tests.Localization;

/// <summary>The report's CSV in the reader's language: Dutch opens as columns in Dutch Excel, English keeps its shape.</summary>
public sealed class ReportCsvLanguageTests(NetwerkLiveFactory factory) : IClassFixture<NetwerkLiveFactory>
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>One ended round of Ann and Bob; returns the event and the report as JSON, to compare with.</summary>
    private async Task<(LiveEvent Live, EventReport Report)> OneRoundAsync()
    {
        var live = await LiveEvent.CreateAsync(factory, HubProtocol.MessagePack, "Netwerkborrel; Oost");
        var (host, _) = await live.JoinAsHostAsync();
        await live.JoinAsync("Ann", "Hoya");
        await live.JoinAsync("Bob", "Bakkerij Bos");
        await host.Connection.StartRound(60, 2);
        await host.Connection.EndRound();
        return (live, await factory.Api.GetReportAsync(live.Id, live.Created.HostToken));
    }

    private async Task<HttpResponseMessage> CsvAsync(LiveEvent live, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/events/{live.Id}/report?format=csv{query}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", live.Created.HostToken);
        return await factory.CreateClient().SendAsync(request);
    }

    private static async Task<string[]> RowsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Bom, bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
    }

    private static DateTime Local(long epochMs, string zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(epochMs), TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime;

    private static DateTime WholeSeconds(DateTime time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));

    [Fact]
    public async Task TheDutchCsvHasABomSemicolonsDutchHeadersAndAmsterdamTimes()
    {
        var (live, report) = await OneRoundAsync();
        await using var _ = live;

        using var response = await CsvAsync(live, "&lang=nl");

        var rows = await RowsAsync(response);
        Assert.Equal("soort;naam;waarde", rows[0]);
        Assert.Contains("evenement;titel;\"Netwerkborrel; Oost\"", rows);
        Assert.Contains("totaal;rondes;1", rows);
        Assert.Contains("soort;ronde-id;begonnen;geëindigd;groepen;deelnemers;groepen met verbonden gesprek", rows);
        var round = Assert.Single(rows, r => r.StartsWith("ronde;", StringComparison.Ordinal)).Split(';');
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        Assert.Equal(WholeSeconds(Local(report.Rounds[0].StartedAt, "Europe/Amsterdam")), DateTime.Parse(round[2], nl));
        Assert.Equal(WholeSeconds(Local(report.Rounds[0].EndedAt!.Value, "Europe/Amsterdam")), DateTime.Parse(round[3], nl));
        Assert.Equal(["1", "2", "0"], round[4..]);
    }

    [Fact]
    public async Task ADutchReaderElsewhereGetsTheTimesOfTheirOwnZone()
    {
        var (live, report) = await OneRoundAsync();
        await using var _ = live;

        using var response = await CsvAsync(live, "&lang=nl&tz=America/New_York");

        var round = Assert.Single(await RowsAsync(response), r => r.StartsWith("ronde;", StringComparison.Ordinal)).Split(';');
        Assert.Equal(WholeSeconds(Local(report.Rounds[0].StartedAt, "America/New_York")), DateTime.Parse(round[2], CultureInfo.GetCultureInfo("nl-NL")));
    }

    [Fact]
    public async Task TheEnglishCsvKeepsCommasAndIsoTimesInUtc()
    {
        var (live, report) = await OneRoundAsync();
        await using var _ = live;

        using var response = await CsvAsync(live, "");

        var rows = await RowsAsync(response);
        Assert.Equal("record,name,value", rows[0]);
        Assert.Contains("event,title,Netwerkborrel; Oost", rows);
        var round = Assert.Single(rows, r => r.StartsWith("round,", StringComparison.Ordinal)).Split(',');
        Assert.EndsWith("+00:00", round[2], StringComparison.Ordinal);
        Assert.Equal(report.Rounds[0].StartedAt, DateTimeOffset.Parse(round[2], CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task AnUnknownTimeZoneIsA400ProblemInTheReadersLanguage()
    {
        var (live, _) = await OneRoundAsync();
        await using var _ = live;

        using var response = await CsvAsync(live, "&lang=nl&tz=Mars/Olympus_Mons");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Onbekende tijdzone", problem.GetProperty("title").GetString());
        Assert.Equal("'Mars/Olympus_Mons' is geen tijdzone die deze server kent: geef een IANA-naam mee, zoals Europe/Amsterdam.", problem.GetProperty("detail").GetString());
    }
}
