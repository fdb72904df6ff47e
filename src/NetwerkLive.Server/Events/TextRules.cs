using System.Globalization;
using System.Text;
using NetwerkLive.Server.Localization;

namespace NetwerkLive.Server.Events;

/// <summary>
/// The rules for text people type. Each check returns a message a person understands (in their language,
/// <see cref="Texts"/>), or null when the value is fine. <c>what</c> names the value, such as
/// <c>Texts.Get("Field.Title")</c>.
/// </summary>
public static class TextRules
{
    public static string? CheckRequired(string? value, string what, int maxLength, bool allowLineBreaks = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Texts.Format("Text.Empty", what);
        }
        return CheckOptional(value, what, maxLength, allowLineBreaks);
    }

    /// <summary>
    /// A name or title: required, and with at least one letter or digit, so nobody is called by punctuation
    /// or emoji alone (which also keeps "Host" plus an invisible mark from passing as the host).
    /// </summary>
    public static string? CheckName(string? value, string what, int maxLength) =>
        CheckRequired(value, what, maxLength) ?? CheckHasLetterOrDigit(value!, what);

    /// <summary>An optional name (such as the host's): when given, the same rules as <see cref="CheckName"/>.</summary>
    public static string? CheckOptionalName(string? value, string what, int maxLength) =>
        value is null ? null : CheckName(value, what, maxLength);

    private static string? CheckHasLetterOrDigit(string value, string what)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return null;
            }
        }
        return Texts.Format("Text.NeedsLetterOrDigit", what);
    }

    public static string? CheckOptional(string? value, string what, int maxLength, bool allowLineBreaks = false)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Length > maxLength)
        {
            return Texts.Format("Text.TooLong", what, Texts.Count("Unit.Characters", maxLength), value.Length);
        }
        var bad = FindForbiddenCharacter(value, allowLineBreaks);
        return bad is null ? null : Texts.Format("Text.ForbiddenCharacter", what, bad.Value.Value.ToString("X4", CultureInfo.InvariantCulture));
    }

    /// <summary>A web address people are sent to (the livestream, the replay): http(s), or https only where asked.</summary>
    public static string? CheckHttpUrl(string? value, string what, bool httpsOnly = false)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Length > 2000 || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && (httpsOnly || uri.Scheme != Uri.UriSchemeHttp)))
        {
            return Texts.Format(httpsOnly ? "Text.HttpsUrl" : "Text.HttpUrl", what);
        }
        return null;
    }

    /// <summary>
    /// The first character that may not be typed here: control characters (but line breaks and tabs in
    /// multi-line text), line and paragraph separators, and invisible format characters (Unicode category
    /// Cf: zero-width spaces, direction marks and overrides) that make text read differently than it is.
    /// Format characters that glue an emoji together are fine: a zero-width joiner between two emoji
    /// (👨‍👩‍👧) and the tag characters of a subdivision flag (🏴󠁧󠁢󠁥󠁮󠁧󠁿).
    /// </summary>
    public static Rune? FindForbiddenCharacter(string value, bool allowLineBreaks)
    {
        var runes = value.EnumerateRunes().ToArray();
        for (var i = 0; i < runes.Length; i++)
        {
            var rune = runes[i];
            if (allowLineBreaks && rune.Value is '\n' or '\t')
            {
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return rune;
            }
            if (category == UnicodeCategory.Format)
            {
                var tags = TagRunLength(runes, i);
                if (tags > 0)
                {
                    i += tags - 1;
                    continue;
                }
                if (!IsZeroWidthJoinerInEmoji(runes, i))
                {
                    return rune;
                }
            }
        }
        return null;
    }

    private const int ZeroWidthJoiner = 0x200D;
    private const int BlackFlag = 0x1F3F4;
    private const int CancelTag = 0xE007F;

    /// <summary>A zero-width joiner with an emoji on both sides (the one before may carry a variation selector or skin tone).</summary>
    private static bool IsZeroWidthJoinerInEmoji(Rune[] runes, int at)
    {
        if (runes[at].Value != ZeroWidthJoiner || at == 0 || at == runes.Length - 1)
        {
            return false;
        }
        var before = at - 1;
        while (before > 0 && IsEmojiModifier(runes[before]))
        {
            before--;
        }
        return IsEmoji(runes[before]) && IsEmoji(runes[at + 1]);
    }

    /// <summary>
    /// At the start of a flag's tag characters (right after 🏴): how many runes the tags take up to and
    /// including the cancel tag; 0 when this is not such a sequence.
    /// </summary>
    private static int TagRunLength(Rune[] runes, int at)
    {
        if (at == 0 || runes[at - 1].Value != BlackFlag)
        {
            return 0;
        }
        for (var i = at; i < runes.Length; i++)
        {
            var value = runes[i].Value;
            if (value == CancelTag)
            {
                return i > at ? i - at + 1 : 0;
            }
            if (value is < 0xE0020 or > 0xE007E)
            {
                return 0;
            }
        }
        return 0;
    }

    // Emoji are "other symbols" in Unicode's general categories (.NET has no emoji property).
    private static bool IsEmoji(Rune rune) => Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol;

    // Variation selector 16 (emoji style) and the skin tone modifiers.
    private static bool IsEmojiModifier(Rune rune) => rune.Value is 0xFE0F or (>= 0x1F3FB and <= 0x1F3FF);

    /// <summary>Trims, and turns whitespace-only into null.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
