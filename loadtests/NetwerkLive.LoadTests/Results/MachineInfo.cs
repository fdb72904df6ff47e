using System.Runtime.InteropServices;

namespace NetwerkLive.LoadTests.Results;

/// <summary>Where the figures were taken: they only mean something next to this.</summary>
internal sealed record MachineInfo(int Processors, long? MemoryBytes, string Os, string Runtime, double? LoadAverage)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ReadMemory(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ReadLoadAverage());

    private static long? ReadMemory()
    {
        var info = GC.GetGCMemoryInfo();
        return info.TotalAvailableMemoryBytes > 0 ? info.TotalAvailableMemoryBytes : null;
    }

    /// <summary>The 1-minute load average at the start: how shared the machine was.</summary>
    private static double? ReadLoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
