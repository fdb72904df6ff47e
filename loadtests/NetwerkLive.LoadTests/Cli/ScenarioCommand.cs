using NetwerkLive.LoadTests.Scenarios;
using Spectre.Console.Cli;

namespace NetwerkLive.LoadTests.Cli;

internal sealed class ScenarioCommand<TScenario> : AsyncCommand<LoadTestSettings>
    where TScenario : IScenario, new()
{
    public override Task<int> ExecuteAsync(CommandContext context, LoadTestSettings settings, CancellationToken cancellationToken) =>
        ScenarioRunner.RunAsync<TScenario>(settings, cancellationToken);
}
