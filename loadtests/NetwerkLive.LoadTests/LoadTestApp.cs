using NetwerkLive.LoadTests.Cli;
using NetwerkLive.LoadTests.Scenarios;
using Spectre.Console.Cli;

namespace NetwerkLive.LoadTests;

/// <summary>The command line: one command per scenario. Ctrl+C stops the run cleanly (servers killed, results written).</summary>
public static class LoadTestApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Thousands of connections start at once: do not make them queue for thread-pool threads.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

        if (Console.IsOutputRedirected)
        {
            // Logs and CI: wide enough that the summary tables do not wrap.
            Spectre.Console.AnsiConsole.Profile.Width = 160;
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var app = new CommandApp();
            app.Configure(config =>
            {
                config.SetApplicationName("dotnet run -c Release --project loadtests/NetwerkLive.LoadTests --");
                Add<JoinStormScenario>(config);
                Add<ChatFanoutScenario>(config);
                Add<BreakoutRoundScenario>(config);
                Add<CoffeeQueueScenario>(config);
                Add<MultiNodeScenario>(config);
            });
            return await app.RunAsync(args, cancel.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static void Add<TScenario>(IConfigurator config)
        where TScenario : IScenario, new() =>
        config.AddCommand<ScenarioCommand<TScenario>>(TScenario.Name).WithDescription(TScenario.Description);
}
