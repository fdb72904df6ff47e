using System.Diagnostics;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>The client's sources (src/NetwerkLive.Server/ClientApp), and Node run in that folder, as the build runs it.</summary>
public static class ClientApp
{
    public static string Directory { get; } = Find();

    /// <summary>Runs node with these arguments in the ClientApp folder; gives its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunNodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        return (node.ExitCode, await output + await errors);
    }

    private static string Find()
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
