using System.Globalization;
using System.Text;
using NetwerkLive.Contracts;
using NetwerkLive.Server.Localization;

namespace NetwerkLive.Server.Breakouts;

/// <summary>
/// The report as CSV in the reader's language, so it opens as columns in their spreadsheet: one "record" column
/// saying what each row is. English: commas and ISO 8601 times (the shape integrators read). Dutch: semicolons (a
/// comma is the Dutch decimal mark, so Dutch Excel splits on ";") and dates and times as Dutch Excel reads them.
/// Both start with a byte order mark, without which Excel reads UTF-8 as an old Windows code page.
/// </summary>
public static class ReportCsv
{
    /// <summary>Time zones of the reader when they name none: where Dutch readers are, and UTC as before for English.</summary>
    public static TimeZoneInfo DefaultZone(CultureInfo language) =>
        language.TwoLetterISOLanguageName == "nl" ? TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") : TimeZoneInfo.Utc;

    public static byte[] ToBytes(EventReport report, CultureInfo language, TimeZoneInfo zone) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ToCsv(report, language, zone))];

    public static string ToCsv(EventReport report, CultureInfo language, TimeZoneInfo zone)
    {
        var csv = new Writer(language, zone);
        csv.Header("Csv.Record", "Csv.Name", "Csv.Value");
        csv.Row(Writer.T("Csv.Event"), Writer.T("Csv.EventId"), report.EventId);
        csv.Row(Writer.T("Csv.Event"), Writer.T("Csv.Title"), report.Title);
        csv.Row(Writer.T("Csv.Event"), Writer.T("Csv.GeneratedAt"), csv.Time(report.GeneratedAt));
        csv.Total("Csv.Rounds", report.Rounds.Length);
        csv.Total("Csv.CoffeeChats", report.CoffeeChats);
        csv.Total("Csv.Breakouts", report.Breakouts);
        csv.Total("Csv.BreakoutsWithCall", report.BreakoutsWithCall);
        csv.Total("Csv.PeopleMet", report.PeopleMet);
        csv.Total("Csv.DistinctPairs", report.DistinctPairs);
        csv.Total("Csv.NewMeetings", report.NewMeetings);
        csv.Total("Csv.NewCrossCompanyMeetings", report.NewCrossCompanyMeetings);
        csv.Total("Csv.MutualFollowUps", report.MutualFollowUps);
        csv.Total("Csv.AskOfferMatches", report.AskOfferMatches);
        csv.Total("Csv.CoffeesAgreed", report.CoffeesAgreed);
        csv.Total("Csv.CoffeesHeld", report.CoffeesHeld);
        csv.Blank();
        csv.Header("Csv.Record", "Csv.RoundId", "Csv.StartedAt", "Csv.EndedAt", "Csv.GroupCount", "Csv.ParticipantCount", "Csv.GroupsWithCall");
        foreach (var round in report.Rounds)
        {
            csv.Row(Writer.T("Csv.Round"), round.RoundId, csv.Time(round.StartedAt), round.EndedAt is { } end ? csv.Time(end) : "",
                Writer.Number(round.GroupCount), Writer.Number(round.ParticipantCount), Writer.Number(round.GroupsWithCall));
        }
        csv.Blank();
        csv.Header("Csv.Record", "Csv.AttendeeIdA", "Csv.DisplayNameA", "Csv.AttendeeIdB", "Csv.DisplayNameB");
        foreach (var pair in report.FollowUps)
        {
            csv.Row(Writer.T("Csv.FollowUp"), pair.A.AttendeeId, pair.A.DisplayName, pair.B.AttendeeId, pair.B.DisplayName);
        }
        return csv.ToString();
    }

    private sealed class Writer(CultureInfo language, TimeZoneInfo zone)
    {
        private readonly StringBuilder _csv = new();
        private readonly bool _dutch = language.TwoLetterISOLanguageName == "nl";
        private char Separator => _dutch ? ';' : ',';

        public static string T(string key) => Texts.Get(key);

        public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// English: ISO 8601 with the offset, as before. Dutch: the culture's general date and time ("1-12-2026 14:05:09"),
        /// which Dutch Excel takes for a date and time.
        /// </summary>
        public string Time(long epochMs)
        {
            var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(epochMs), zone);
            return _dutch ? local.DateTime.ToString("G", language) : local.ToString("O", CultureInfo.InvariantCulture);
        }

        public void Total(string key, int value) => Row(T("Csv.Total"), T(key), Number(value));

        /// <summary>A header row: each cell is the key of a column name.</summary>
        public void Header(params string[] keys) => Row([.. keys.Select(T)]);

        // RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula.
        public void Row(params string[] cells) => _csv.AppendJoin(Separator, cells.Select(Cell)).Append("\r\n");

        public void Blank() => _csv.Append("\r\n");

        private string Cell(string value)
        {
            if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
            {
                value = "'" + value;
            }
            return value.IndexOfAny([Separator, '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
        }

        public override string ToString() => _csv.ToString();
    }
}
