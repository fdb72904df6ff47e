using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NetwerkLive.LoadTests.Measurement;

namespace NetwerkLive.LoadTests.Clients;

/// <summary>
/// A member of a group on the baseline relay hub (loadtests/NetwerkLive.Baseline). That project is the
/// yardstick, kept free of our code, so the method names are its wire names, written out here.
/// </summary>
internal sealed class BaselineClient : IRoomClient
{
    private const string Route = "/hub";
    private readonly HubConnection _connection;
    private readonly string _group;

    public BaselineClient(Uri node, string group, ConnectionSettings settings)
    {
        _group = group;
        var builder = new HubConnectionBuilder().WithUrl(new Uri(node, Route), ConnectionSettings.ConfigureTransport);
        if (settings.Protocol == NetwerkLive.Client.HubProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }
        settings.Configure(builder);
        _connection = builder.Build();
        settings.Configure(_connection);
        _connection.On<string>("Receive", payload => MessageReceived?.Invoke(payload));
    }

    public event Action<string>? MessageReceived;

    public async Task ConnectAndJoinAsync(CancellationToken ct)
    {
        await _connection.StartAsync(ct);
        await _connection.InvokeAsync("Join", _group, ct);
    }

    public Task SendAsync(string text) => _connection.InvokeAsync("Send", _group, text);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

internal sealed class BaselineTarget(Hosting.ServerCluster cluster, ConnectionSettings settings) : IRoomTarget
{
    private readonly List<IRoomClient> _clients = [];

    public Hosting.ServerCluster Cluster { get; } = cluster;

    public Task<IReadOnlyList<IRoomClient>> PrepareClientsAsync(int count, int concurrency, CancellationToken ct)
    {
        var group = "room-" + Guid.NewGuid().ToString("N")[..8];
        var clients = Enumerable.Range(0, count).Select(i => (IRoomClient)new BaselineClient(Cluster.NodeFor(i), group, settings)).ToList();
        _clients.AddRange(clients);
        return Task.FromResult<IReadOnlyList<IRoomClient>>(clients);
    }

    /// <summary>Joining a group sends nothing to anyone: nothing to wait for.</summary>
    public Task<bool> SettleAsync(IReadOnlyList<IRoomClient> clients, int present, TimeSpan timeout, CancellationToken ct) => Task.FromResult(true);

    public async ValueTask DisposeAsync()
    {
        await ClientPool.DisposeAllAsync(_clients);
        await Cluster.DisposeAsync();
    }
}
