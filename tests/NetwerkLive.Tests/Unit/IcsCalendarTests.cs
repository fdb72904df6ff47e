using System.Text;
using NetwerkLive.Server.Schedule;
using NetwerkLive.Tests.Schedule;

namespace NetwerkLive.Tests.Unit;

/// <summary>What the ICS writer (Ical.Net) is held to: folding at 75 octets without splitting a character, and TEXT escaping.</summary>
public sealed class IcsCalendarTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 15, 18, 30, 0, TimeSpan.Zero);

    private static byte[] Write(string summary, string description = "-") =>
        Encoding.UTF8.GetBytes(IcsCalendar.Write(new CalendarEntry("e1@netwerklive", Start, Start, Start.AddHours(1), summary, description, "https://example.org/e/e1")));

    [Theory]
    [InlineData("é")]   // 2 octets
    [InlineData("€")]   // 3 octets
    [InlineData("🎉")]  // 4 octets, a surrogate pair in .NET
    [InlineData("a")]
    public void LongLinesAreFoldedAt75OctetsWithoutSplittingACharacter(string character)
    {
        var summary = string.Concat(Enumerable.Repeat(character, 200));

        var lines = IcsText.ContentLines(Write(summary)); // asserts every physical line: CRLF, 1..75 octets, whole characters

        Assert.Equal(summary, IcsText.Unescape(IcsText.Single(lines, "SUMMARY")));
    }

    [Theory]
    [InlineData(67, 1)] // "SUMMARY:" (8 octets) + 67 = 75: one line
    [InlineData(68, 2)] // 76: folded
    public void ALineOfExactly75OctetsIsNotFoldedAndOneOf76Is(int length, int expectedLines)
    {
        var summary = new string('x', length);

        var physical = IcsText.PhysicalLines(Write(summary)).Select(l => Encoding.UTF8.GetString(l)).ToList();

        var first = physical.FindIndex(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        var taken = physical.Skip(first + 1).TakeWhile(l => l.StartsWith(' ')).Count() + 1;
        Assert.Equal(expectedLines, taken);
    }

    [Fact]
    public void TextIsEscapedBackslashFirstAndALineBreakBecomesBackslashN()
    {
        var lines = IcsText.ContentLines(Write("a\\b;c,d\ne\\n"));

        Assert.Equal(@"a\\b\;c\,d\ne\\n", IcsText.Single(lines, "SUMMARY"));
    }
}
