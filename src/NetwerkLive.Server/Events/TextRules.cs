using System.Globalization;
using System.Net.Mail;

namespace NetwerkLive.Server.Events;

/// <summary>
/// The rules for text people type. Each check returns a message a person understands, or null when
/// the value is fine.
/// </summary>
public static class TextRules
{
    public static string? CheckRequired(string? value, string what, int maxLength, bool allowLineBreaks = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{what} cannot be empty.";
        }
        return CheckOptional(value, what, maxLength, allowLineBreaks);
    }

    public static string? CheckOptional(string? value, string what, int maxLength, bool allowLineBreaks = false)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Length > maxLength)
        {
            return $"{what} can be at most {maxLength} characters long; this one has {value.Length}.";
        }
        var bad = FindControlCharacter(value, allowLineBreaks);
        return bad is null ? null : $"{what} cannot contain control characters (found U+{(int)bad.Value:X4}).";
    }

    public static string? CheckHttpUrl(string? value, string what)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Length > 2000 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"{what} must be a full http:// or https:// address, such as https://example.org/live.";
        }
        return null;
    }

    public static string? CheckContact(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var length = CheckOptional(value, "Contact", 200);
        if (length is not null)
        {
            return length;
        }
        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return CheckHttpUrl(value, "Contact");
        }
        return MailAddress.TryCreate(value, out var mail) && mail.Address == value && !value.Contains(' ', StringComparison.Ordinal)
            ? null
            : "Contact must be an e-mail address (name@example.org) or a profile address starting with https://.";
    }

    /// <summary>Control characters (but line breaks and tabs in multi-line text) and the invisible bidi overrides that make text read differently than it is.</summary>
    public static char? FindControlCharacter(string value, bool allowLineBreaks)
    {
        foreach (var c in value)
        {
            if (allowLineBreaks && c is '\n' or '\t')
            {
                continue;
            }
            if (char.IsControl(c) || IsBidiControl(c))
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>Trims, and turns whitespace-only into null.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsBidiControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') ||
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.LineSeparator ||
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.ParagraphSeparator;
}
