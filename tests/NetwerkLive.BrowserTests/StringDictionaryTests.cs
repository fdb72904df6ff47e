using System.Diagnostics;

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
        var clientApp = FindClientApp();
        using var node = Process.Start(new ProcessStartInfo("node", "check-strings.mjs")
        {
            WorkingDirectory = clientApp,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start node.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);

        Assert.True(node.ExitCode == 0, $"check-strings.mjs found problems:\n{await output}{await errors}");
    }

    private static string FindClientApp()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "NetwerkLive.Server", "ClientApp");
            if (File.Exists(Path.Combine(candidate, "check-strings.mjs")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"No src/NetwerkLive.Server/ClientApp/check-strings.mjs above {AppContext.BaseDirectory}.");
    }
}
