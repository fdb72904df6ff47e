using ScottPlot;
using ScottPlot.TickGenerators;

namespace NetwerkLive.LoadTests.Results;

/// <summary>
/// One chart per kind of latency, every target on it, HdrHistogram style: the x axis counts "nines"
/// (90, 99, 99.9 %) so the tail gets as much room as the median.
/// </summary>
internal static class LatencyChart
{
    private static readonly string[] Labels = ["0%", "90%", "99%", "99.9%", "99.99%", "99.999%"];

    /// <summary>Writes latency-NAME.png into <paramref name="directory"/> for each latency with data; returns the paths.</summary>
    public static IEnumerable<string> WriteAll(ScenarioResult result, string directory)
    {
        foreach (var name in result.Targets.SelectMany(t => t.Histograms.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, $"latency-{name}.png");
            if (Write(result, name, path))
            {
                yield return path;
            }
        }
    }

    private static bool Write(ScenarioResult result, string name, string path)
    {
        var plot = new Plot();
        var widest = 1.0;
        foreach (var target in result.Targets)
        {
            if (!target.Histograms.TryGetValue(name, out var histogram))
            {
                continue;
            }
            var curve = histogram.Curve().Where(p => p.Percentile < 100).ToArray();
            if (curve.Length < 2)
            {
                continue;
            }
            var xs = curve.Select(p => Nines(p.Percentile)).ToArray();
            widest = Math.Max(widest, xs[^1]);
            var line = plot.Add.ScatterLine(xs, curve.Select(p => p.Ms).ToArray());
            line.LegendText = target.Name;
            line.LineWidth = 2;
        }
        if (!plot.GetPlottables().Any())
        {
            return false;
        }
        var ticks = (int)Math.Min(Labels.Length - 1, Math.Ceiling(widest));
        plot.Axes.Bottom.TickGenerator = new NumericManual([.. Enumerable.Range(0, ticks + 1).Select(i => (double)i)], Labels[..(ticks + 1)]);
        plot.Axes.SetLimitsX(0, ticks);
        plot.XLabel("percentile");
        plot.YLabel("latency (ms)");
        plot.Title($"{result.Scenario}: {name}{(result.Smoke ? " (smoke run, not a measurement)" : "")}");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 800, 450);
        return true;
    }

    private static double Nines(double percentile) => Math.Min(Labels.Length - 1, -Math.Log10(1 - (percentile / 100)));
}
