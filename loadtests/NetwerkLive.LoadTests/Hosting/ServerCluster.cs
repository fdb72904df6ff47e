namespace NetwerkLive.LoadTests.Hosting;

/// <summary>The nodes of one server under test: their addresses, and their processes when the tool started them.</summary>
internal sealed class ServerCluster(IReadOnlyList<Uri> nodes, IReadOnlyList<ChildProcess> processes) : IAsyncDisposable
{
    public IReadOnlyList<Uri> Nodes { get; } = nodes;

    /// <summary>Round-robin: client i connects to node i mod count.</summary>
    public Uri NodeFor(int client) => Nodes[client % Nodes.Count];

    /// <summary>The summed resident memory of the nodes, or null when they are not ours to measure.</summary>
    public long? ResidentBytes()
    {
        if (processes.Count == 0)
        {
            return null;
        }
        long total = 0;
        foreach (var process in processes)
        {
            if (process.ResidentBytes() is not { } bytes)
            {
                return null;
            }
            total += bytes;
        }
        return total;
    }

    public static ServerCluster External(IReadOnlyList<Uri> nodes) => new(nodes, []);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }
    }
}
