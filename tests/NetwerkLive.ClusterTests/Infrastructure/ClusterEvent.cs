using NetwerkLive.Client;
using NetwerkLive.Contracts;

namespace NetwerkLive.ClusterTests.Infrastructure;

/// <summary>
/// A fresh event for one test on a cluster, and every client the test opened on it, each connected to
/// the node the test names. Disposing closes the clients, so a failing test leaves no connections behind.
/// </summary>
public sealed class ClusterEvent : IAsyncDisposable
{
    private readonly List<TestClient> _clients = [];

    private ClusterEvent(CreateEventResponse created, HubProtocol protocol)
    {
        Created = created;
        Protocol = protocol;
    }

    /// <summary>Creates the event through <paramref name="node"/>'s HTTP API (starting now, unless <paramref name="startsAt"/> says when).</summary>
    public static async Task<ClusterEvent> CreateAsync(ClusterNode node, HubProtocol protocol = HubProtocol.MessagePack, DateTimeOffset? startsAt = null) =>
        new(await node.Api.CreateEventAsync(new CreateEventRequest("Bedrijvenkring over meerdere nodes", "https://www.youtube.com/embed/abc",
            StartsAt: startsAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture))), protocol);

    public CreateEventResponse Created { get; }

    public HubProtocol Protocol { get; }

    public string Id => Created.EventId;

    /// <summary>Registers through <paramref name="node"/>, connects to it and joins.</summary>
    public async Task<(TestClient Client, JoinResult Join)> JoinAsync(ClusterNode node, string name, string? company = null, HubProtocol? protocol = null)
    {
        var client = await ConnectWithoutJoiningAsync(node, name, company, protocol);
        return (client, await client.Connection.Join());
    }

    /// <summary>Registers through <paramref name="node"/> and connects to it, without calling Join().</summary>
    public async Task<TestClient> ConnectWithoutJoiningAsync(ClusterNode node, string name, string? company = null, HubProtocol? protocol = null)
    {
        var registration = await node.Api.RegisterAsync(Id, new RegisterAttendeeRequest(name, company ?? name + " BV"));
        return await ConnectAsync(node, registration.AttendeeId, registration.Token, protocol);
    }

    /// <summary>Another tab of <paramref name="existing"/> (same token), on <paramref name="node"/>.</summary>
    public async Task<(TestClient Client, JoinResult Join)> OpenTabAsync(ClusterNode node, TestClient existing)
    {
        var client = await ConnectAsync(node, existing.AttendeeId, existing.Token);
        return (client, await client.Connection.Join());
    }

    /// <summary>The host's client on <paramref name="node"/>; the host token may be open on several nodes at once.</summary>
    public async Task<(TestClient Client, JoinResult Join)> JoinAsHostAsync(ClusterNode node)
    {
        var client = await ConnectAsync(node, attendeeId: "", Created.HostToken);
        var join = await client.Connection.Join();
        client.AttendeeId = join.Self.Id;
        return (client, join);
    }

    /// <summary>A connection with someone's token that has not started yet, for tests that expect it to be refused.</summary>
    public TestClient Unstarted(ClusterNode node, string attendeeId, string token) => Track(new TestClient(node.Connect(token, Protocol), attendeeId, token));

    /// <summary>Closes one client as its browser tab would be closed.</summary>
    public async Task CloseAsync(TestClient client)
    {
        await client.DisposeAsync();
        lock (_clients)
        {
            _clients.Remove(client);
        }
    }

    public async ValueTask DisposeAsync()
    {
        TestClient[] clients;
        lock (_clients)
        {
            clients = [.. _clients];
        }
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
    }

    private async Task<TestClient> ConnectAsync(ClusterNode node, string attendeeId, string token, HubProtocol? protocol = null)
    {
        var client = Track(new TestClient(node.Connect(token, protocol ?? Protocol), attendeeId, token));
        await client.Connection.StartAsync();
        return client;
    }

    private TestClient Track(TestClient client)
    {
        lock (_clients)
        {
            _clients.Add(client);
        }
        return client;
    }
}
