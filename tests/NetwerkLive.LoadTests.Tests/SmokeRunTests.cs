using System.Text.Json;

namespace NetwerkLive.LoadTests.Tests;

/// <summary>
/// Each scenario in --smoke mode, in this process (the servers are child processes either way): it must
/// end by itself with exit code 0 and leave a result file a person or a script can read. Nothing here
/// is about speed. One class, so the runs never compete with each other for the two cores.
/// </summary>
public sealed class SmokeRunTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "netwerklive-loadtests-" + Guid.NewGuid().ToString("N")[..8]);

    [Theory]
    [InlineData("join-storm", "netwerklive", "baseline")]
    [InlineData("chat-fanout", "netwerklive", "baseline")]
    [InlineData("breakout-round", "netwerklive")]
    [InlineData("coffee-queue", "netwerklive")]
    [InlineData("multi-node", "netwerklive-1-node", "netwerklive-2-nodes", "baseline-1-node", "baseline-2-nodes")]
    public async Task SmokeRunEndsCleanlyAndWritesItsResult(string scenario, params string[] targets)
    {
        // ./build.sh test runs a redis-server for the tests; without it, multi-node starts its own.
        var redis = Environment.GetEnvironmentVariable("NETWERKLIVE_TEST_REDIS") is { Length: > 0 } endpoint ? endpoint : "auto";
        var exitCode = await LoadTestApp.RunAsync([scenario, "--smoke", "--out", _out, "--max-minutes", "2", .. scenario == "multi-node" ? ["--redis", redis] : Array.Empty<string>()]);

        var file = Path.Combine(_out, "result.json");
        Assert.True(File.Exists(file), $"{file} was not written");
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var root = result.RootElement;
        Assert.True(exitCode == 0, $"exit code {exitCode}; problems: {root.GetProperty("problems")} {root.GetProperty("targets")}");
        Assert.Equal(scenario, root.GetProperty("scenario").GetString());
        Assert.True(root.GetProperty("smoke").GetBoolean());
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.True(root.GetProperty("machine").GetProperty("processors").GetInt32() > 0);
        Assert.Equal(targets, root.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        foreach (var target in root.GetProperty("targets").EnumerateArray())
        {
            Assert.True(target.GetProperty("metrics").GetProperty("joined").GetDouble() > 0);
            Assert.All(target.GetProperty("latencies").EnumerateObject(), latency =>
            {
                Assert.True(latency.Value.GetProperty("count").GetInt64() > 0, $"{latency.Name} is empty");
                Assert.True(latency.Value.GetProperty("p50").GetDouble() <= latency.Value.GetProperty("max").GetDouble());
            });
        }
        Assert.NotEmpty(Directory.GetFiles(_out, "latency-*.png"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }
}
