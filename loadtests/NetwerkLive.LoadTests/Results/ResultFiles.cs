using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetwerkLive.LoadTests.Results;

internal static class ResultFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string DefaultDirectory(string scenario, DateTimeOffset startedAt) =>
        Path.Combine("artifacts", "loadtests", $"{scenario}-{startedAt:yyyyMMdd-HHmmss}");

    /// <summary>Writes result.json and a latency-NAME.png per kind of latency; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(ScenarioResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "result.json");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(result, Json));
        return [json, .. LatencyChart.WriteAll(result, directory)];
    }
}
