using HdrHistogram;
using NetwerkLive.LoadTests.Results;

namespace NetwerkLive.LoadTests.Measurement;

/// <summary>Latencies in microseconds (1 µs to 10 min, 3 significant digits), safe to record from many threads.</summary>
internal sealed class LatencyHistogram
{
    private readonly LongConcurrentHistogram _histogram = new(1, 600_000_000, 3);

    public long Count => _histogram.TotalCount;

    public void Record(long fromStamp, long toStamp) => RecordMicros(Stamp.Micros(fromStamp, toStamp));

    public void RecordMicros(long micros) => _histogram.RecordValue(Math.Clamp(micros, 1, _histogram.HighestTrackableValue));

    public LatencySummary Summary() => Count == 0
        ? new LatencySummary(0, 0, 0, 0, 0, 0, 0)
        : new LatencySummary(Count, Ms(At(50)), Ms(At(90)), Ms(At(99)), Ms(At(99.9)), Ms(_histogram.GetMaxValue()), Math.Round(_histogram.GetMean() / 1000, 3));

    /// <summary>The percentile curve (percentile, milliseconds), for the chart.</summary>
    public IEnumerable<(double Percentile, double Ms)> Curve() =>
        Count == 0 ? [] : _histogram.Percentiles(5).Select(v => (v.PercentileLevelIteratedTo, Ms(v.ValueIteratedTo)));

    private long At(double percentile) => _histogram.GetValueAtPercentile(percentile);

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
}
