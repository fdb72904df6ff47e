using Microsoft.AspNetCore.SignalR;

namespace NetwerkLive.Baseline;

public interface IRelayClient
{
    Task Receive(string payload);
}

/// <summary>The least a chat room needs: membership of a group and a rebroadcast to it.</summary>
public sealed class RelayHub : Hub<IRelayClient>
{
    public const string Route = "/hub";

    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task Send(string group, string payload) => Clients.Group(group).Receive(payload);
}
