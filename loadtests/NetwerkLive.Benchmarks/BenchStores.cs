using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Benchmarks;

/// <summary>
/// A host with the server's own store registrations, so a benchmark measures the stores the server runs with: in
/// memory, or on Redis (store "Redis": NETWERKLIVE_BENCH_REDIS is host:port of a Redis of its own; keys under
/// "netwerklive-bench:").
/// </summary>
internal static class BenchStores
{
    public static HostApplicationBuilder Builder(string store)
    {
        var builder = Host.CreateApplicationBuilder();
        if (store == "Redis")
        {
            var address = Environment.GetEnvironmentVariable("NETWERKLIVE_BENCH_REDIS")
                ?? throw new InvalidOperationException("Set NETWERKLIVE_BENCH_REDIS to host:port of a Redis for the Redis store.");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Redis:ConnectionString"] = address,
                ["Redis:KeyPrefix"] = "netwerklive-bench:",
            });
        }
        builder.AddCluster();
        builder.AddStorage();
        return builder;
    }
}
