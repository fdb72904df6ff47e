using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using NetwerkLive.Server.Limits;
using NetwerkLive.Server.Localization;

namespace NetwerkLive.Tests.Localization;

/// <summary>The two resource files say the same things: same keys, same placeholders, plurals complete, Dutch in the je-form.</summary>
public sealed partial class TextsTests
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");

    private static Dictionary<string, string> TextsOf(CultureInfo culture) =>
        Texts.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    private static Dictionary<string, string> English => TextsOf(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> DutchTexts => TextsOf(Dutch);

    /// <summary>{0}, {1:0.#}: what string.Format fills in ({{ and }} are literal braces, and {room} is text).</summary>
    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    private static string[] PlaceholdersOf(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Runs <paramref name="say"/> as a hub call or request in <paramref name="language"/> would.</summary>
    private static string In(string language, Func<string> say)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return say();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void EveryEnglishTextHasADutchOneAndNoDutchTextIsWithoutAnEnglishOne()
    {
        Assert.Equal(English.Keys.Order(StringComparer.Ordinal), DutchTexts.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BothLanguagesFillInTheSamePlaceholders()
    {
        var differing = English.Keys.Intersect(DutchTexts.Keys)
            .Where(key => !PlaceholdersOf(English[key]).SequenceEqual(PlaceholdersOf(DutchTexts[key])))
            .ToList();

        Assert.Empty(differing);
    }

    [Fact]
    public void EveryPluralHasBothForms()
    {
        var forms = English.Keys.Where(k => k.EndsWith(".One", StringComparison.Ordinal) || k.EndsWith(".Other", StringComparison.Ordinal)).ToList();

        var incomplete = forms.Select(k => k[..k.LastIndexOf('.')]).Distinct()
            .Where(stem => !English.ContainsKey(stem + ".One") || !English.ContainsKey(stem + ".Other"));

        Assert.NotEmpty(forms);
        Assert.Empty(incomplete);
    }

    [Fact]
    public void DutchTextsSayJeAndNeverU()
    {
        var formal = DutchTexts.Where(t => FormalYou().IsMatch(t.Value)).Select(t => t.Key);

        Assert.Empty(formal);
    }

    // "U+200B" names a character, not the reader.
    [GeneratedRegex(@"\b(u|uw|U|Uw)\b(?!\+)")]
    private static partial Regex FormalYou();

    [Fact]
    public void DutchTextsAboutBreakoutsSayOntMoeting()
    {
        var english = DutchTexts.Where(t => t.Value.Contains("breakout", StringComparison.OrdinalIgnoreCase)).Select(t => t.Key);

        Assert.Empty(english);
    }

    [Fact]
    public void EveryTextTheServerAsksForExists()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "NetwerkLive.Server");
        var asked = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => AskedFor().Matches(File.ReadAllText(file)))
            .SelectMany(m => m.Groups["count"].Success
                ? new[] { m.Groups["key"].Value + ".One", m.Groups["key"].Value + ".Other" }
                : [m.Groups["key"].Value])
            .Distinct()
            .ToList();

        Assert.True(asked.Count > 100, $"Only {asked.Count} texts found in the code: the search no longer matches how texts are asked for.");
        var missing = asked.Where(key => !English.ContainsKey(key)).ToList();
        Assert.Empty(missing);
    }

    /// <summary>Texts.Get("Key"), Texts.Format("Key", ...), Texts.Count("Key", ...) and RequireHost(member, "Key").</summary>
    [GeneratedRegex(@"(?:Texts\.(?:Get|Format|Find)|(?<count>Texts\.Count)|RequireHost\([a-z]+,)\s*\(?\s*""(?<key>[A-Za-z0-9.]+)""")]
    private static partial Regex AskedFor();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NetwerkLive.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("NetwerkLive.sln not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [InlineData("en", 1, "1 second")]
    [InlineData("en", 2, "2 seconds")]
    [InlineData("en", 300, "5 minutes")]
    [InlineData("nl", 1, "1 seconde")]
    [InlineData("nl", 40, "40 seconden")]
    [InlineData("nl", 120, "2 minuten")]
    [InlineData("nl", 300, "5 minuten")]
    public void AWaitIsSaidWithTheRightPluralInBothLanguages(string language, int seconds, string said)
    {
        Assert.Equal(said, In(language, () => LimitMessages.Wait(TimeSpan.FromSeconds(seconds))));
    }

    [Theory]
    [InlineData("en", 1, "This event is already open in 1 tab or device with your registration, the most allowed. Close one of them and reload this page.")]
    [InlineData("nl", 1, "Dit evenement is met jouw aanmelding al open in 1 tabblad of apparaat, meer kan niet. Sluit er één en laad deze pagina opnieuw.")]
    [InlineData("nl", 3, "Dit evenement is met jouw aanmelding al open in 3 tabbladen of apparaten, meer kan niet. Sluit er één en laad deze pagina opnieuw.")]
    public void ACountInASentenceTakesTheRightPlural(string language, int connections, string said)
    {
        Assert.Equal(said, In(language, () => LimitMessages.TooManyConnections(connections)));
    }

    [Theory]
    [InlineData("en", "You are sending messages too quickly: at most 1 message per 0.5 seconds. Wait a moment and try again; your message was not sent.")]
    [InlineData("nl", "Je stuurt te snel berichten: hoogstens 1 bericht per 0,5 seconden. Wacht even en probeer het opnieuw; je bericht is niet verstuurd.")]
    public void AFractionOfASecondIsWrittenAsTheLanguageWritesIt(string language, string said)
    {
        Assert.Equal(said, In(language, () => LimitMessages.ChatTooFast(1, TimeSpan.FromMilliseconds(500))));
    }

    [Fact]
    public void AKeyThatDoesNotExistFailsLoudlyInsteadOfShowingNothing()
    {
        Assert.Throws<InvalidOperationException>(() => Texts.Get("No.Such.Text"));
    }
}
