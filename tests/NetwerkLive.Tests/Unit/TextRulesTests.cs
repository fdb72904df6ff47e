using NetwerkLive.Server.Events;

namespace NetwerkLive.Tests.Unit;

public sealed class TextRulesTests
{
    private const int ChatLimit = 1000;

    private static string? CheckChat(string? text) =>
        TextRules.CheckRequired(text, "A chat message", ChatLimit, allowLineBreaks: true);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t \n")]
    public void EmptyChatIsRefusedWithAReadableMessage(string? text)
    {
        Assert.Equal("A chat message cannot be empty.", CheckChat(text));
    }

    [Fact]
    public void ChatOfExactlyTheLimitIsAccepted()
    {
        Assert.Null(CheckChat(new string('a', ChatLimit)));
    }

    [Fact]
    public void ChatOneCharacterOverTheLimitIsRefusedNamingTheLimit()
    {
        var error = CheckChat(new string('a', ChatLimit + 1));

        Assert.NotNull(error);
        Assert.Contains("at most 1000 characters", error, StringComparison.Ordinal);
        Assert.Contains("1001", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ding\u0007dong", "U+0007")]
    [InlineData("null\0byte", "U+0000")]
    [InlineData("escape\u001b[31m", "U+001B")]
    public void ControlCharactersAreRefused(string text, string named)
    {
        var error = CheckChat(text);

        Assert.NotNull(error);
        Assert.Contains("control characters", error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invoice\u202Efdp.exe")]
    [InlineData("isolate\u2066d\u2069")]
    [InlineData("line\u2028separator")]
    public void BidiOverridesAndUnicodeSeparatorsAreRefused(string text)
    {
        Assert.NotNull(CheckChat(text));
    }

    [Theory]
    [InlineData("\u200B", "U+200B")]
    [InlineData("\u200E", "U+200E")]
    [InlineData("Host\u200E", "U+200E")]
    [InlineData("gnp\u202Eexe", "U+202E")]
    [InlineData("a\u200Db", "U+200D")]
    [InlineData("\u200D👋", "U+200D")]
    [InlineData("soft\u00ADhyphen", "U+00AD")]
    [InlineData("tag\U000E0067\U000E007F", "U+E0067")]
    [InlineData("bom\uFEFF", "U+FEFF")]
    public void InvisibleFormatCharactersAreRefusedNamingTheCharacter(string text, string named)
    {
        var error = CheckChat(text);

        Assert.Equal($"A chat message cannot contain invisible or control characters (found {named}).", error);
    }

    [Theory]
    [InlineData("👨‍👩‍👧")]
    [InlineData("Familie 👨‍👩‍👧 op bezoek")]
    [InlineData("👩🏽‍💻 aan het werk")]
    [InlineData("🏴󠁧󠁢󠁥󠁮󠁧󠁿")]
    [InlineData("Go England 🏴󠁧󠁢󠁥󠁮󠁧󠁿!")]
    public void FormatCharactersInsideEmojiSequencesAreAccepted(string text)
    {
        Assert.Null(CheckChat(text));
    }

    [Theory]
    [InlineData("🎉")]
    [InlineData("- - -")]
    [InlineData("👨‍👩‍👧")]
    public void ANameWithoutALetterOrDigitIsRefused(string name)
    {
        Assert.Equal("Your display name needs at least one letter or digit.", TextRules.CheckName(name, "Your display name", 60));
    }

    [Theory]
    [InlineData("Ann")]
    [InlineData("R2")]
    [InlineData("Zoë 🎉")]
    public void ANameWithALetterOrDigitIsAccepted(string name)
    {
        Assert.Null(TextRules.CheckName(name, "Your display name", 60));
    }

    [Fact]
    public void NewlineIsAllowedInChatWhenLineBreaksAre()
    {
        Assert.Null(CheckChat("Hallo allemaal,\nwie doet mee?"));
    }

    [Fact]
    public void NewlineIsRefusedWhereLineBreaksAreNot()
    {
        Assert.NotNull(TextRules.CheckRequired("Ann\nSmith", "Your display name", 60));
    }

    [Fact]
    public void PlainTextWithAccentsAndEmojiIsAccepted()
    {
        Assert.Null(CheckChat("Café in Zwolle? 👋 Ja, graag — tot zo!"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://x")]
    [InlineData("/live")]
    [InlineData("live/stream")]
    [InlineData("www.example.org/live")]
    [InlineData("file:///etc/passwd")]
    public void CheckHttpUrlRefusesWhatIsNotAFullHttpAddress(string url)
    {
        var error = TextRules.CheckHttpUrl(url, "The livestream URL");

        Assert.NotNull(error);
        Assert.StartsWith("The livestream URL must be a full http:// or https:// address", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.youtube.com/embed/abc")]
    [InlineData("http://localhost:8080/live")]
    public void CheckHttpUrlAcceptsHttpAndHttpsAddresses(string url)
    {
        Assert.Null(TextRules.CheckHttpUrl(url, "The livestream URL"));
    }

    [Fact]
    public void CheckHttpUrlAcceptsNullAsNotGiven()
    {
        Assert.Null(TextRules.CheckHttpUrl(null, "The livestream URL"));
    }

    [Theory]
    [InlineData("ann@example.org")]
    [InlineData("https://www.linkedin.com/in/ann-de-vries")]
    public void AnEmailOrAnHttpsProfileIsKeptAsTyped(string contact)
    {
        Assert.Equal((contact, null), Contacts.Normalise(contact));
    }

    [Theory]
    [InlineData("06-12345678", "+31612345678")]
    [InlineData("06 1234 5678", "+31612345678")]
    [InlineData("+31 6 12345678", "+31612345678")]
    [InlineData("0031612345678", "+31612345678")]
    [InlineData("+31 (0)6 12345678", "+31612345678")]
    [InlineData("020-1234567", "+31201234567")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void APhoneNumberIsStoredAsE164(string typed, string stored)
    {
        Assert.Equal((stored, null), Contacts.Normalise(typed));
    }

    [Theory]
    [InlineData("not an email")]
    [InlineData("Ann <ann@example.org>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://www.linkedin.com/in/ann-de-vries")]
    [InlineData("12345")]
    [InlineData("06-1234")]
    [InlineData("0800-BLOEMEN")]
    public void WhatIsNoneOfTheThreeKindsIsRefusedNamingAllThree(string contact)
    {
        var (stored, refusal) = Contacts.Normalise(contact);

        Assert.Null(stored);
        Assert.Equal("Contact must be an e-mail address (name@example.org), a phone number (such as 06-12345678 or +31 6 12345678) or a profile address starting with https://.", refusal);
    }

    [Fact]
    public void AnHttpsAddressThatIsNotOneIsRefusedAsAnAddress()
    {
        var (_, refusal) = Contacts.Normalise("https://");

        Assert.Equal("Contact must be a full http:// or https:// address, such as https://example.org/live.", refusal);
    }
}
