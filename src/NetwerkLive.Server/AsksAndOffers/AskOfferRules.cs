using NetwerkLive.Contracts;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.AsksAndOffers;

/// <summary>
/// The one rule for an ask or an offer ("Ik zoek / Ik bied"), at registration and in the room alike: a text of
/// 1..<see cref="MaxTextLength"/> characters after trimming (the room's text rules), at most <see cref="MaxTags"/>
/// tags, each one of the host's interest tags (ignoring case, kept in the tag's spelling; free tags are refused even
/// where own interests are allowed, so the board and the pairing compare like with like). Nothing at all clears it.
/// </summary>
public static class AskOfferRules
{
    public const int MaxTextLength = 200;
    public const int MaxTags = 3;

    /// <summary>
    /// The cleaned value (null: none), or a sentence saying what is wrong in <paramref name="error"/>.
    /// <paramref name="what"/> names the field (<c>Field.Ask</c>, <c>Field.Offer</c>).
    /// </summary>
    public static AskOffer? Clean(AskOffer? value, EventRecord ev, string what, out string? error)
    {
        error = null;
        if (value is null)
        {
            return null;
        }
        var text = TextRules.Clean(value.Text);
        var tags = (value.Tags ?? []).Select(TextRules.Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (text is null && tags.Length == 0)
        {
            return null;
        }
        if (text is null)
        {
            error = Texts.Format("AskOffer.TextNeeded", what);
            return null;
        }
        error = TextRules.CheckName(text, what, MaxTextLength);
        if (error is not null)
        {
            return null;
        }
        if (tags.Length > MaxTags)
        {
            error = Texts.Format("AskOffer.TooManyTags", what, MaxTags, tags.Length);
            return null;
        }
        var spelled = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            if (ev.Tags.FirstOrDefault(t => string.Equals(t, tags[i], StringComparison.OrdinalIgnoreCase)) is not { } tag)
            {
                error = ev.Tags.Length == 0
                    ? Texts.Format("AskOffer.NoTags", what)
                    : Texts.Format("AskOffer.NotATag", what, tags[i].Length <= 20 ? tags[i] : tags[i][..20] + "…");
                return null;
            }
            spelled[i] = tag;
        }
        return new AskOffer(text, spelled);
    }
}
