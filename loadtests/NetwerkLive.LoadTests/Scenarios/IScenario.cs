using NetwerkLive.LoadTests.Results;

namespace NetwerkLive.LoadTests.Scenarios;

internal interface IScenario
{
    static abstract string Name { get; }

    static abstract string Description { get; }

    /// <summary>The target size, or a tiny one for --smoke.</summary>
    static abstract ScenarioSize Defaults(bool smoke);

    Task RunAsync(ScenarioContext context, ScenarioResult result, CancellationToken ct);
}
