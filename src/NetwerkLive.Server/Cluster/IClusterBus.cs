namespace NetwerkLive.Server.Cluster;

/// <summary>
/// Tells every node of the deployment (this one included) about something only a node can act on for its
/// own connections, such as cutting off a removed attendee. One node: a direct call. Several: Redis pub/sub.
/// Delivery is at most once; what must not be lost is in the store, not on the bus.
/// </summary>
public interface IClusterBus
{
    Task PublishAsync(string topic, string message);

    Task SubscribeAsync(string topic, Func<string, Task> handler);
}

/// <summary>The bus of a node that runs alone.</summary>
internal sealed class LocalClusterBus(ILogger<LocalClusterBus> logger) : IClusterBus
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Func<string, Task>>> _handlers = new(StringComparer.Ordinal);

    public async Task PublishAsync(string topic, string message)
    {
        Func<string, Task>[] handlers;
        lock (_gate)
        {
            handlers = _handlers.TryGetValue(topic, out var list) ? [.. list] : [];
        }
        foreach (var handler in handlers)
        {
            try
            {
                await handler(message);
            }
            catch (Exception ex)
            {
                ClusterLog.BusHandlerFailed(logger, ex, topic);
            }
        }
    }

    public Task SubscribeAsync(string topic, Func<string, Task> handler)
    {
        lock (_gate)
        {
            if (!_handlers.TryGetValue(topic, out var list))
            {
                _handlers[topic] = list = [];
            }
            list.Add(handler);
        }
        return Task.CompletedTask;
    }
}
