using NetwerkLive.Client;
using NetwerkLive.Contracts;

namespace NetwerkLive.Tests.Infrastructure;

/// <summary>
/// A fresh event for one test and every client that test opened on it, all over one protocol.
/// Disposing closes the clients, so a failing test does not leave connections behind.
/// </summary>
public sealed class LiveEvent : IAsyncDisposable
{
    private readonly NetwerkLiveFactory _factory;
    private readonly List<TestClient> _clients = [];

    private LiveEvent(NetwerkLiveFactory factory, HubProtocol protocol, CreateEventResponse created)
    {
        _factory = factory;
        Protocol = protocol;
        Created = created;
    }

    public static async Task<LiveEvent> CreateAsync(NetwerkLiveFactory factory, HubProtocol protocol, string title = "Bedrijvenkring live") =>
        new(factory, protocol, await factory.CreateEventAsync(title));

    /// <summary>An event created as <paramref name="request"/> says, for tests that need its optional settings.</summary>
    public static async Task<LiveEvent> CreateAsync(NetwerkLiveFactory factory, HubProtocol protocol, CreateEventRequest request) =>
        new(factory, protocol, await factory.Api.CreateEventAsync(request));

    /// <summary>The next event of <paramref name="earlier"/>'s series, created with its host token.</summary>
    public static async Task<LiveEvent> ContinueAsync(NetwerkLiveFactory factory, LiveEvent earlier, string title = "Bedrijvenkring, de maand erna") =>
        new(factory, earlier.Protocol, await factory.Api.ContinueSeriesAsync(new CreateEventRequest(title, ContinuesEventId: earlier.Id), earlier.Created.HostToken));

    public HubProtocol Protocol { get; }

    public CreateEventResponse Created { get; }

    public string Id => Created.EventId;

    /// <summary>Registers (as the person <paramref name="personToken"/> names, or as a new one), connects and joins.</summary>
    public async Task<(TestClient Client, JoinResult Join)> JoinAsync(string name, string? company = null, string[]? interests = null, string? contact = null,
        string? personToken = null)
    {
        var (client, join) = await _factory.JoinAsync(Id, name, company, Protocol, interests: interests, contact: contact, personToken: personToken);
        _clients.Add(client);
        return (client, join!);
    }

    /// <summary>Registers and connects without calling Join().</summary>
    public async Task<TestClient> ConnectWithoutJoiningAsync(string name)
    {
        var (client, _) = await _factory.JoinAsync(Id, name, protocol: Protocol, join: false);
        _clients.Add(client);
        return client;
    }

    public async Task<(TestClient Client, JoinResult Join)> JoinAsHostAsync()
    {
        var (client, join) = await _factory.JoinAsHostAsync(Created, Protocol);
        _clients.Add(client);
        return (client, join);
    }

    /// <summary>A second connection with the same token, as a second browser tab would open.</summary>
    public async Task<(TestClient Client, JoinResult Join)> OpenTabAsync(TestClient existing, HubProtocol? protocol = null)
    {
        var (client, join) = await _factory.ConnectAsync(existing.AttendeeId, existing.Token, protocol ?? Protocol);
        _clients.Add(client);
        return (client, join!);
    }

    public Task<EventSummary> GetAsync() => _factory.Api.GetEventAsync(Id);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }
}
