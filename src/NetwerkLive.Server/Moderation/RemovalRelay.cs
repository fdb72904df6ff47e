using NetwerkLive.Server.Cluster;

namespace NetwerkLive.Server.Moderation;

/// <summary>Listens, from start-up, for removals made through any node, so this node cuts off its own connections of the removed attendee.</summary>
public sealed class RemovalRelay(IClusterBus bus, ModerationService moderation) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => bus.SubscribeAsync(ModerationService.RemovedTopic, moderation.CutOffAsync);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
