using System.Globalization;
using System.Resources;

namespace NetwerkLive.Server.Localization;

/// <summary>
/// Every sentence a person reads from the server, in their language: English in <c>Texts.resx</c>, Dutch in
/// <c>Texts.nl.resx</c>. The language is <see cref="CultureInfo.CurrentUICulture"/>, which the request
/// localization middleware sets for HTTP requests and <see cref="HubLanguageFilter"/> for each hub call, so
/// static helpers deep in a call need nothing passed in. Plurals are two keys, <c>Key.One</c> and
/// <c>Key.Other</c> (English and Dutch both say "one" for exactly 1 and "other" for every other count).
/// </summary>
public static class Texts
{
    public static readonly ResourceManager Resources = new("NetwerkLive.Server.Localization.Texts", typeof(Texts).Assembly);

    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    /// <summary>The text of <paramref name="key"/> as it stands (braces that are not placeholders stay as they are).</summary>
    public static string Get(string key) =>
        Resources.GetString(key, Culture) ?? throw new InvalidOperationException($"There is no text '{key}' in Localization/Texts.resx.");

    /// <summary>The text of <paramref name="key"/> with its {0}, {1}, ... filled in, numbers written as the person's language writes them.</summary>
    public static string Format(string key, params object[] args) => string.Format(Culture, Get(key), args);

    /// <summary>
    /// The plural form of <paramref name="key"/> for <paramref name="count"/> (<c>Key.One</c> or <c>Key.Other</c>),
    /// with the count as {0} and <paramref name="args"/> after it.
    /// </summary>
    public static string Count(string key, double count, params object[] args) =>
        string.Format(Culture, Get(key + (count == 1 ? ".One" : ".Other")), [count, .. args]);

    /// <summary>The text of <paramref name="key"/>, or null when there is none (for optional texts such as a status's default title).</summary>
    public static string? Find(string key) => Resources.GetString(key, Culture);
}
