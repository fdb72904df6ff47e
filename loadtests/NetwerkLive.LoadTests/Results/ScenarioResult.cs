using System.Text.Json.Serialization;
using NetwerkLive.LoadTests.Measurement;

namespace NetwerkLive.LoadTests.Results;

/// <summary>Milliseconds.</summary>
internal sealed record LatencySummary(long Count, double P50, double P90, double P99, double P999, double Max, double Mean);

/// <summary>A figure of one target divided by the same figure of another, measured in the same run.</summary>
internal sealed record Ratio(string Metric, string Numerator, string Denominator, double? Value);

/// <summary>What one server under test (ours, or the baseline; one node or several) did under the workload.</summary>
internal sealed class TargetResult(string name, string description, int nodes)
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public int Nodes { get; } = nodes;

    public SortedDictionary<string, double?> Metrics { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, LatencySummary> Latencies { get; } = new(StringComparer.Ordinal);

    /// <summary>Timeouts, failed calls, missing deliveries: the run finished but these figures are short of it.</summary>
    public List<string> Problems { get; } = [];

    [JsonIgnore]
    public Dictionary<string, LatencyHistogram> Histograms { get; } = new(StringComparer.Ordinal);

    public void Set(string metric, double? value) => Metrics[metric] = value is { } v ? Math.Round(v, 4) : null;

    public void Add(string latency, LatencyHistogram histogram)
    {
        Histograms[latency] = histogram;
        Latencies[latency] = histogram.Summary();
    }
}

internal sealed class ScenarioResult
{
    public required string Scenario { get; init; }

    public required bool Smoke { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public double Seconds { get; set; }

    public required MachineInfo Machine { get; init; }

    public required Dictionary<string, object?> Settings { get; init; }

    /// <summary>The configuration given to the nodes the tool started (the signing key masked).</summary>
    public SortedDictionary<string, string> ServerEnvironment { get; } = new(StringComparer.Ordinal);

    public List<TargetResult> Targets { get; } = [];

    public List<Ratio> Ratios { get; } = [];

    /// <summary>Problems of the run itself (a server that did not start, Ctrl+C); targets list their own.</summary>
    public List<string> Problems { get; } = [];

    public bool Complete => Problems.Count == 0 && Targets.Count > 0 && Targets.All(t => t.Problems.Count == 0);

    public TargetResult AddTarget(string name, string description, int nodes)
    {
        var target = new TargetResult(name, description, nodes);
        Targets.Add(target);
        return target;
    }

    /// <summary>
    /// The rates, durations and memory figures both targets have, and their latency p50 and p99, as
    /// numerator / denominator. Counts (sent, joined) are left out: they are equal by construction.
    /// </summary>
    public void CompareAll(string numerator, string denominator)
    {
        if (Targets.Find(t => t.Name == numerator) is not { } of || Targets.Find(t => t.Name == denominator) is not { } to)
        {
            return;
        }
        foreach (var (metric, value) in of.Metrics)
        {
            if (IsComparable(metric) && to.Metrics.TryGetValue(metric, out var other))
            {
                Ratios.Add(new Ratio(metric, numerator, denominator, Divide(value, other)));
            }
        }
        foreach (var (name, summary) in of.Latencies)
        {
            if (to.Latencies.TryGetValue(name, out var other))
            {
                Ratios.Add(new Ratio($"{name}.p50", numerator, denominator, Divide(summary.P50, other.P50)));
                Ratios.Add(new Ratio($"{name}.p99", numerator, denominator, Divide(summary.P99, other.P99)));
            }
        }
    }

    private static bool IsComparable(string metric) =>
        metric.EndsWith("PerSecond", StringComparison.Ordinal) && !metric.StartsWith("offered", StringComparison.Ordinal)
        || metric.EndsWith("Seconds", StringComparison.Ordinal)
        || metric.Contains("Mb", StringComparison.Ordinal);

    private static double? Divide(double? a, double? b) => a is { } x && b is { } y && y != 0 ? Math.Round(x / y, 3) : null;
}
