using System.Globalization;
using Spectre.Console;

namespace NetwerkLive.LoadTests.Results;

/// <summary>The end-of-run tables: metrics side by side per target, latency percentiles, and the ratios.</summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, ScenarioResult result)
    {
        var metrics = new Table().Title($"[bold]{result.Scenario}[/]{(result.Smoke ? " (smoke)" : "")}").AddColumn("metric");
        foreach (var target in result.Targets)
        {
            metrics.AddColumn(new TableColumn(Markup.Escape(target.Name)).RightAligned());
        }
        foreach (var name in result.Targets.SelectMany(t => t.Metrics.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            metrics.AddRow([name, .. result.Targets.Select(t => t.Metrics.TryGetValue(name, out var v) ? Format(v) : "")]);
        }
        console.Write(metrics);

        var latencies = new Table().Title("latency (ms)").AddColumns("target", "latency", "count", "p50", "p90", "p99", "p99.9", "max");
        foreach (var target in result.Targets)
        {
            foreach (var (name, s) in target.Latencies)
            {
                latencies.AddRow(Markup.Escape(target.Name), name, s.Count.ToString(CultureInfo.InvariantCulture),
                    Format(s.P50), Format(s.P90), Format(s.P99), Format(s.P999), Format(s.Max));
            }
        }
        if (latencies.Rows.Count > 0)
        {
            console.Write(latencies);
        }

        if (result.Ratios.Count > 0)
        {
            var ratios = new Table().Title("ratios (same run)").AddColumns("metric", "of", "to", "ratio");
            foreach (var ratio in result.Ratios)
            {
                ratios.AddRow(ratio.Metric, Markup.Escape(ratio.Numerator), Markup.Escape(ratio.Denominator), Format(ratio.Value));
            }
            console.Write(ratios);
        }

        foreach (var problem in result.Problems.Concat(result.Targets.SelectMany(t => t.Problems.Select(p => $"{t.Name}: {p}"))))
        {
            console.MarkupLineInterpolated($"[yellow]problem:[/] {problem}");
        }
    }

    private static string Format(double? value) => value switch
    {
        null => "n/a",
        { } v when Math.Abs(v) >= 100 => v.ToString("N0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
