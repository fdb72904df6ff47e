using System.Net.Mail;
using System.Text.RegularExpressions;
using NetwerkLive.Server.Localization;
using PhoneNumbers;

namespace NetwerkLive.Server.Events;

/// <summary>
/// How people can be reached after a mutual follow-up: an e-mail address, a phone number or an https profile
/// address. A phone number is stored as E.164 (+31612345678), whichever way it was typed (06-12345678,
/// +31 6 12345678, 0031612345678), so the other person gets one form that any phone dials.
/// </summary>
public static partial class Contacts
{
    public const int MaxLength = 200;

    /// <summary>Numbers without a country code are Dutch: the association this is for is.</summary>
    public const string DefaultRegion = "NL";

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The contact as it is stored, or a refusal that names the three kinds; (null, null) when none was given.</summary>
    public static (string? Contact, string? Refusal) Normalise(string? value)
    {
        if (value is null)
        {
            return (null, null);
        }
        if (TextRules.CheckOptional(value, Texts.Get("Field.Contact"), MaxLength) is { } refusal)
        {
            return (null, refusal);
        }
        if (value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return TextRules.CheckHttpUrl(value, Texts.Get("Field.Contact")) is { } badUrl ? (null, badUrl) : (value, null);
        }
        if (value.Contains('@', StringComparison.Ordinal))
        {
            return MailAddress.TryCreate(value, out var mail) && mail.Address == value && !value.Contains(' ', StringComparison.Ordinal)
                ? (value, null)
                : (null, Texts.Get("Text.Contact"));
        }
        return PhoneNumber(value) is { } e164 ? (e164, null) : (null, Texts.Get("Text.Contact"));
    }

    /// <summary>The number in E.164, or null when this is not a number a phone can call.</summary>
    private static string? PhoneNumber(string value)
    {
        // Only what people write in a number: libphonenumber would also read letters (vanity numbers such as 0800-BLOEMEN).
        if (!PhoneCharacters().IsMatch(value))
        {
            return null;
        }
        try
        {
            var number = Phones.Parse(value, DefaultRegion);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\+?[0-9(][0-9 ()./-]*$")]
    private static partial Regex PhoneCharacters();
}
