using System.Diagnostics;

namespace NetwerkLive.LoadTests.Measurement;

/// <summary>Monotonic timestamps: senders and receivers are in this one process, so they compare directly.</summary>
internal static class Stamp
{
    public static long Now => Stopwatch.GetTimestamp();

    public static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    public static long Micros(long from, long to) => (to - from) * 1_000_000 / Stopwatch.Frequency;
}
