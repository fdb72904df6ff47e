using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using NetwerkLive.Client;
using NetwerkLive.Contracts;

namespace NetwerkLive.Tests.Infrastructure;

/// <summary>
/// The real server in memory (TestServer), with a fixed signing key and short presence timings so tests
/// run fast. Clients connect over WebSockets with the token in the query string, as browsers do.
/// </summary>
public class NetwerkLiveFactory : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-0123456789";

    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Auth:SigningKey"] = SigningKey,
        ["Room:PresenceInterval"] = "00:00:00.100",
        ["Room:PresenceGracePeriod"] = "00:00:00",
    };

    /// <summary>Overrides a configuration value; call before the server starts.</summary>
    public NetwerkLiveFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Whether <see cref="OnRedis"/> put this server in Redis mode.</summary>
    public bool IsOnRedis { get; private set; }

    /// <summary>
    /// Redis mode: Redis stores, the SignalR backplane, heartbeat and sweeper, on the test Redis (see
    /// <see cref="RedisServer"/>) under a prefix of its own. One place, so every kind of server (fake clock or
    /// not) can run its tests on Redis too; call before the server starts.
    /// </summary>
    public NetwerkLiveFactory OnRedis(RedisServer? redis = null)
    {
        IsOnRedis = true;
        With("Redis:ConnectionString", (redis ?? RedisServer.Instance).EndPoint);
        With("Redis:KeyPrefix", "hub" + Guid.NewGuid().ToString("N")[..12] + ":");
        // Generous: on a loaded CI machine a healthy call can take seconds (outages fail at once anyway).
        With("Redis:OperationTimeout", "00:00:10");
        return this;
    }

    private LogCollector? _logs;

    /// <summary>Collects everything the server logs from start-up on; call before the server starts.</summary>
    public LogCollector CollectLogs() => _logs ??= new LogCollector();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Testing");
        if (_logs is { } logs)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }

    public NetwerkLiveApi Api => new(CreateClient());

    public Task<CreateEventResponse> CreateEventAsync(string title = "Bedrijvenkring live", string? meetingUrlTemplate = null) =>
        Api.CreateEventAsync(new CreateEventRequest(title, "https://www.youtube.com/embed/abc", meetingUrlTemplate));

    public EventConnection Connect(string token, HubProtocol protocol = HubProtocol.MessagePack) =>
        EventConnection.Create(Server.BaseAddress, token, protocol, options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            // Browsers cannot set headers on a WebSocket: the token goes in the query string, as here.
            options.WebSocketFactory = async (context, ct) => await Server.CreateWebSocketClient()
                .ConnectAsync(new Uri(QueryHelpers.AddQueryString(context.Uri.ToString(), "access_token", token)), ct);
        });

    /// <summary>Registers an attendee, connects and (by default) joins.</summary>
    public async Task<(TestClient Client, JoinResult? Join)> JoinAsync(string eventId, string name, string? company = null,
        HubProtocol protocol = HubProtocol.MessagePack, bool join = true, string[]? interests = null, string? contact = null, string? personToken = null)
    {
        var registration = await Api.RegisterAsync(eventId, new RegisterAttendeeRequest(name, company, interests, contact, personToken));
        return await ConnectAsync(registration.AttendeeId, registration.Token, protocol, join, registration.PersonToken);
    }

    public async Task<(TestClient Client, JoinResult? Join)> ConnectAsync(string attendeeId, string token,
        HubProtocol protocol = HubProtocol.MessagePack, bool join = true, string? personToken = null)
    {
        var client = new TestClient(Connect(token, protocol), attendeeId, token) { PersonToken = personToken };
        await client.Connection.StartAsync();
        return (client, join ? await client.Connection.Join() : null);
    }

    /// <summary>The host's client: the host token names the host's attendee id in its "sub" claim.</summary>
    public async Task<(TestClient Client, JoinResult Join)> JoinAsHostAsync(CreateEventResponse created, HubProtocol protocol = HubProtocol.MessagePack)
    {
        var client = new TestClient(Connect(created.HostToken, protocol), attendeeId: "", created.HostToken);
        await client.Connection.StartAsync();
        var join = await client.Connection.Join();
        client.AttendeeId = join.Self.Id;
        return (client, join);
    }
}
