using NetwerkLive.LoadTests.Cli;

namespace NetwerkLive.LoadTests.Scenarios;

/// <summary>How big a run is: a scenario's target or smoke defaults, overridden by the command line.</summary>
internal sealed record ScenarioSize(int Attendees, int Senders, double Rate, TimeSpan Duration, int Concurrency, TimeSpan Timeout)
{
    public ScenarioSize With(LoadTestSettings settings) => new(
        settings.Attendees ?? Attendees,
        Math.Min(settings.Senders ?? Senders, settings.Attendees ?? Attendees),
        settings.Rate ?? Rate,
        settings.Duration is { } seconds ? TimeSpan.FromSeconds(seconds) : Duration,
        settings.Concurrency ?? Concurrency,
        settings.Timeout is { } timeout ? TimeSpan.FromSeconds(timeout) : Timeout);
}
