using System.Globalization;
using System.Text;
using NetwerkLive.Contracts;

namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// The one rule for "one's ask matches the other's offer": they share a tag (ignoring case) or a word. Words are the
/// texts lower-cased, accents removed, split on anything not a letter or digit, of 4 or more characters and not in
/// <see cref="StopWords"/> (so "ik zoek iemand die" or "looking for help with" never matches by itself). Two people
/// are complementary when either's ask matches the other's offer. Round pairing (<see cref="PairingProblem"/>), late
/// joiners and the coffee queue (<c>People</c>) and the report (<c>GroupState.AskOfferMatch</c>) all ask this class.
/// </summary>
public static class AskOfferMatch
{
    public const int MinWordLength = 4;

    // Dutch and English words of 4+ letters that say nothing about the subject, and the words asks and offers are
    // written with ("zoek", "help", "someone"): without them every two asks and offers would match.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "about", "also", "been", "being", "could", "does", "doing", "from", "have", "having", "help", "helping", "here",
        "into", "just", "like", "looking", "make", "more", "most", "much", "need", "needs", "offer", "offering", "other",
        "over", "really", "some", "someone", "something", "such", "than", "that", "their", "them", "then", "there",
        "these", "they", "this", "those", "very", "want", "what", "when", "where", "which", "while", "will", "with",
        "would", "your", "ideas", "advice", "find", "finding", "know", "good", "people",
        "alle", "alleen", "andere", "bied", "bieden", "biedt", "daar", "daarom", "deze", "dingen", "door", "echt",
        "een", "eigen", "elkaar", "graag", "heeft", "hebben", "hier", "hulp", "helpen", "iemand", "iets", "jullie",
        "kunnen", "maar", "mensen", "meer", "mijn", "naar", "niet", "nodig", "omdat", "onze", "ook", "over", "veel",
        "voor", "waar", "wanneer", "welke", "wordt", "worden", "zijn", "zoek", "zoeken", "zoekt", "zonder", "advies",
        "ideeen", "goed", "goede", "vinden", "weten",
    };

    /// <summary>An ask or an offer reduced to what the rule compares: upper-cased tags and the subject words.</summary>
    public sealed class Terms
    {
        private Terms(HashSet<string> tags, HashSet<string> words) => (Tags, Words) = (tags, words);

        public IReadOnlySet<string> Tags { get; }

        public IReadOnlySet<string> Words { get; }

        public static Terms? Of(AskOffer? value) => value is null
            ? null
            : new Terms(
                new HashSet<string>((value.Tags ?? []).Select(t => t.Trim().ToUpperInvariant()).Where(t => t.Length > 0), StringComparer.Ordinal),
                WordsOf(value.Text));
    }

    /// <summary>Whether the ask matches the offer: a shared tag or a shared subject word.</summary>
    public static bool Matches(AskOffer? ask, AskOffer? offer) => Matches(Terms.Of(ask), Terms.Of(offer));

    public static bool Matches(Terms? ask, Terms? offer) =>
        ask is not null && offer is not null && (ask.Tags.Overlaps(offer.Tags) || ask.Words.Overlaps(offer.Words));

    /// <summary>Either's ask matches the other's offer.</summary>
    public static bool Complementary(AskOffer? askA, AskOffer? offerA, AskOffer? askB, AskOffer? offerB) =>
        Matches(askA, offerB) || Matches(askB, offerA);

    /// <summary>The same, on terms read once per person (the pairing engine compares many pairs).</summary>
    public static bool Complementary(Terms? askA, Terms? offerA, Terms? askB, Terms? offerB) =>
        Matches(askA, offerB) || Matches(askB, offerA);

    /// <summary>Lower-cased, accents removed ("café" is "cafe"), split on anything not a letter or digit.</summary>
    public static HashSet<string> WordsOf(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.IsLetterOrDigit(c) ? c : ' ');
            }
        }
        foreach (var word in plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= MinWordLength && !StopWords.Contains(word))
            {
                words.Add(word);
            }
        }
        return words;
    }
}
