using NetwerkLive.BrowserTests.Infrastructure;

namespace NetwerkLive.BrowserTests;

/// <summary>
/// The client's two dictionaries (ClientApp/src/strings/en.js and nl.js) hold the same keys, at every
/// depth, with texts made from the same number of values, and every key a page or script asks for
/// exists: checked by ClientApp/check-strings.mjs, run here with the Node the build uses.
/// </summary>
public sealed class StringDictionaryTests
{
    [Fact]
    public async Task TheEnglishAndDutchDictionariesHaveTheSameKeysAndEveryKeyThePagesUse()
    {
        var (exitCode, output) = await ClientApp.RunNodeAsync("check-strings.mjs");

        Assert.True(exitCode == 0, $"check-strings.mjs found problems:\n{output}");
    }
}
