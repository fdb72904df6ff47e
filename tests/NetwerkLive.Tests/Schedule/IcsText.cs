using System.Text;

namespace NetwerkLive.Tests.Schedule;

/// <summary>Reads ICS text back as RFC 5545 says a calendar does: checks the physical lines, unfolds, unescapes.</summary>
internal static class IcsText
{
    /// <summary>The physical lines, asserting each ends in CRLF and has at most 75 octets of whole UTF-8 characters.</summary>
    public static IReadOnlyList<byte[]> PhysicalLines(byte[] ics)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < ics.Length; i++)
        {
            if (ics[i] == '\n')
            {
                Assert.True(i > 0 && ics[i - 1] == '\r', $"A bare LF at octet {i}.");
                lines.Add(ics[start..(i - 1)]);
                start = i + 1;
            }
            else if (ics[i] == '\r')
            {
                Assert.True(i + 1 < ics.Length && ics[i + 1] == '\n', $"A bare CR at octet {i}.");
            }
        }
        Assert.Equal(ics.Length, start); // the last line ends in CRLF too
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        foreach (var line in lines)
        {
            Assert.InRange(line.Length, 1, 75);
            _ = strict.GetString(line); // throws on half a character
        }
        return lines;
    }

    /// <summary>Unfolded content lines as (name, value), in order.</summary>
    public static List<(string Name, string Value)> ContentLines(byte[] ics)
    {
        var unfolded = new List<StringBuilder>();
        foreach (var line in PhysicalLines(ics))
        {
            var text = Encoding.UTF8.GetString(line);
            if (text[0] == ' ')
            {
                unfolded[^1].Append(text.AsSpan(1));
            }
            else
            {
                unfolded.Add(new StringBuilder(text));
            }
        }
        return [.. unfolded.Select(l => l.ToString()).Select(l => (l[..l.IndexOf(':', StringComparison.Ordinal)], l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..]))];
    }

    /// <summary>A TEXT value as written (RFC 5545 3.3.11) back to what it says.</summary>
    public static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                Assert.True(value[i] is not (';' or ','), $"An unescaped '{value[i]}' in a TEXT value: {value}");
                text.Append(value[i]);
                continue;
            }
            text.Append(value[++i] switch
            {
                'n' or 'N' => '\n',
                '\\' or ';' or ',' => value[i],
                var other => throw new Xunit.Sdk.XunitException($"'\\{other}' is not an escape in a TEXT value."),
            });
        }
        return text.ToString();
    }

    public static string Single(List<(string Name, string Value)> lines, string name) => Assert.Single(lines, l => l.Name == name).Value;
}
