using System.Diagnostics;
using NetwerkLive.Client;
using NetwerkLive.LoadTests.Clients;
using NetwerkLive.LoadTests.Hosting;
using NetwerkLive.LoadTests.Results;
using NetwerkLive.LoadTests.Scenarios;
using Spectre.Console;

namespace NetwerkLive.LoadTests.Cli;

/// <summary>
/// Runs one scenario within the time limit, with live progress, and always ends the same way: the
/// processes it started killed, the summary printed, result.json and the chart written.
/// </summary>
internal static class ScenarioRunner
{
    public const int Incomplete = 3;

    public static async Task<int> RunAsync<TScenario>(LoadTestSettings settings, CancellationToken cancel)
        where TScenario : IScenario, new()
    {
        var console = AnsiConsole.Console;
        var size = TScenario.Defaults(settings.Smoke).With(settings);
        var startedAt = DateTimeOffset.Now;
        var result = new ScenarioResult
        {
            Scenario = TScenario.Name,
            Smoke = settings.Smoke,
            StartedAt = startedAt,
            Machine = MachineInfo.Current(),
            Settings = new Dictionary<string, object?>
            {
                ["attendees"] = size.Attendees,
                ["senders"] = size.Senders,
                ["rate"] = size.Rate,
                ["durationSeconds"] = size.Duration.TotalSeconds,
                ["concurrency"] = size.Concurrency,
                ["timeoutSeconds"] = size.Timeout.TotalSeconds,
                ["protocol"] = settings.Protocol,
                ["baseline"] = !settings.NoBaseline,
                ["server"] = settings.Server,
                ["redis"] = settings.Redis,
                ["nodes"] = settings.Nodes,
            },
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(TimeSpan.FromMinutes(settings.MaxMinutes));
        var clock = Stopwatch.StartNew();
        var connections = new ConnectionSettings(settings.Protocol == "json" ? HubProtocol.Json : HubProtocol.MessagePack, size.Timeout);
        await using (var servers = new ServerLauncher(settings, size.Timeout, result.ServerEnvironment))
        {
            try
            {
                await console.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async context =>
                    {
                        var progress = new LiveProgress(context);
                        var run = new TScenario().RunAsync(new ScenarioContext(settings, size, servers, connections, progress), result, deadline.Token);
                        await progress.RefreshUntilAsync(run);
                        await run;
                    });
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                result.Problems.Add(cancel.IsCancellationRequested ? "Stopped by Ctrl+C." : $"Stopped after --max-minutes {settings.MaxMinutes}.");
            }
            catch (Exception ex)
            {
                // Anything else, a cancellation that is not ours included (an HTTP client's own timeout):
                // it is a problem of the run, and the run still ends with its result written.
                result.Problems.Add(ex.Message);
            }
        }
        result.Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);

        SummaryTable.Write(console, result);
        var directory = settings.Out ?? ResultFiles.DefaultDirectory(TScenario.Name, startedAt);
        foreach (var file in await ResultFiles.WriteAsync(result, directory))
        {
            console.MarkupLineInterpolated($"wrote [green]{file}[/]");
        }
        return result.Complete ? 0 : Incomplete;
    }
}
