using System.Collections.Concurrent;
using NetwerkLive.Client;
using NetwerkLive.Contracts;
using NetwerkLive.LoadTests.Hosting;
using NetwerkLive.LoadTests.Measurement;

namespace NetwerkLive.LoadTests.Clients;

/// <summary>
/// Our server under test: one event, created on the first node; attendees registered over HTTP (not
/// timed) and spread round-robin over the nodes for the hub.
/// </summary>
internal sealed class NetwerkLiveTarget : IRoomTarget
{
    private static readonly string[] Companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell"];
    private static readonly string[] Interests = ["cloud", "data", "design", "security", "mobile", "ai", "devops", "product"];
    private readonly ConnectionSettings _settings;
    private readonly HttpClient _http;
    private readonly ConcurrentBag<NetwerkLiveClient> _clients = [];
    private CreateEventResponse? _event;

    public NetwerkLiveTarget(ServerCluster cluster, ConnectionSettings settings)
    {
        Cluster = cluster;
        _settings = settings;
        _http = new HttpClient { BaseAddress = cluster.Nodes[0], Timeout = settings.Timeout };
    }

    public ServerCluster Cluster { get; }

    private NetwerkLiveApi Api => new(_http);

    public async Task<IReadOnlyList<IRoomClient>> PrepareClientsAsync(int count, int concurrency, CancellationToken ct) =>
        await PrepareAttendeesAsync(count, concurrency, ct);

    public async Task<IReadOnlyList<NetwerkLiveClient>> PrepareAttendeesAsync(int count, int concurrency, CancellationToken ct)
    {
        var ev = await EventAsync(ct);
        var clients = new NetwerkLiveClient[count];
        await Bounded.ForAsync(count, Math.Max(concurrency, 8), async (i, token) =>
        {
            var registered = await Api.RegisterAsync(ev.EventId, new RegisterAttendeeRequest(
                $"Load {i}", Companies[i % Companies.Length], [Interests[i % Interests.Length], Interests[(i / 3) % Interests.Length]]), token);
            clients[i] = Track(Cluster.NodeFor(i), registered.AttendeeId, registered.Token);
        }, ct);
        return clients;
    }

    /// <summary>
    /// Every join sends a coalesced PresenceChanged to the room; after a storm the last of them may still
    /// be on their way. Settled when every client knows the final count.
    /// </summary>
    public async Task<bool> SettleAsync(IReadOnlyList<IRoomClient> clients, int present, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stamp.Now + (long)(timeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (clients.OfType<NetwerkLiveClient>().Any(c => c.HighestCount < present))
        {
            if (Stamp.Now > deadline)
            {
                return false;
            }
            await Task.Delay(100, ct);
        }
        return true;
    }

    /// <summary>The event's host on the first node, connected and joined.</summary>
    public async Task<NetwerkLiveClient> JoinHostAsync(CancellationToken ct)
    {
        var ev = await EventAsync(ct);
        var host = Track(Cluster.Nodes[0], "host", ev.HostToken);
        await host.ConnectAndJoinAsync(ct);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await ClientPool.DisposeAllAsync(_clients);
        _http.Dispose();
        await Cluster.DisposeAsync();
    }

    private async Task<CreateEventResponse> EventAsync(CancellationToken ct) =>
        _event ??= await Api.CreateEventAsync(new CreateEventRequest("Load test", HostName: "Load host"), ct);

    private NetwerkLiveClient Track(Uri node, string attendeeId, string token)
    {
        var connection = EventConnection.Create(node, token, _settings.Protocol, ConnectionSettings.ConfigureTransport, _settings.Configure);
        var client = new NetwerkLiveClient(connection, attendeeId, _settings);
        _clients.Add(client);
        return client;
    }
}
