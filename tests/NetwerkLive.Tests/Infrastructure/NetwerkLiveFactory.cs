using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>The address every request comes from, as a TCP peer would (TestServer gives none).</summary>
    public const string PeerAddress = "127.0.0.1";

    /// <summary>
    /// Limits raised far out of reach: every test client comes from one address, and most tests are about
    /// something else. Tests of the limits call <see cref="WithDefaultLimits"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RaisedLimits = new Dictionary<string, string>
    {
        ["Limits:EventsPerClientPerHour"] = "100000",
        ["Limits:RegistrationsPerClientPerEventPerHour"] = "100000",
        ["Limits:RegistrationsPerClientPerHour"] = "100000",
        ["Limits:ReadsPerClientPerMinute"] = "100000",
        ["Limits:HubRequestsPerClientPerMinute"] = "100000",
        ["Limits:HubCallsPerWindow"] = "100000",
        ["Limits:SetAvailablePerWindow"] = "1000",
        ["Limits:ChatMessagesPerClientPerWindow"] = "10000",
    };

    private readonly Dictionary<string, string?> _settings = new(RaisedLimits.ToDictionary(s => s.Key, s => (string?)s.Value))
    {
        ["Auth:SigningKey"] = SigningKey,
        ["Room:PresenceInterval"] = "00:00:00.100",
        ["Room:PresenceGracePeriod"] = "00:00:00",
        // The peer is the test's "proxy": a test picks a client address with X-Forwarded-For (see ApiFrom).
        ["Limits:KnownProxies:0"] = PeerAddress,
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

    /// <summary>Leaves a setting out, as a deployment that never set it; call before the server starts.</summary>
    /// <summary>A setting as this server gets it (null when not set here).</summary>
    public string? Setting(string key) => _settings.GetValueOrDefault(key);

    public NetwerkLiveFactory Without(string key)
    {
        _settings.Remove(key);
        return this;
    }

    /// <summary>Every limit at its default, as a deployment without settings has it.</summary>
    public NetwerkLiveFactory WithDefaultLimits()
    {
        foreach (var key in RaisedLimits.Keys)
        {
            _settings.Remove(key);
        }
        return this;
    }

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

        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    public NetwerkLiveApi Api => new(CreateClient());

    /// <summary>The HTTP API as a client at <paramref name="clientAddress"/> (behind the peer, a known proxy) sees it.</summary>
    public NetwerkLiveApi ApiFrom(string clientAddress) => new(HttpFrom(clientAddress));

    /// <summary>A raw HTTP client at <paramref name="clientAddress"/>, for tests that read statuses and headers.</summary>
    public HttpClient HttpFrom(string clientAddress)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return http;
    }

    public Task<CreateEventResponse> CreateEventAsync(string title = "Bedrijvenkring live", string? meetingUrlTemplate = null) =>
        Api.CreateEventAsync(new CreateEventRequest(title, "https://www.youtube.com/embed/abc", meetingUrlTemplate));

    /// <param name="clientAddress">Where the client connects from (as a known proxy tells); the peer itself when null.</param>
    /// <param name="lang">The language the client asks for in the query (<c>?lang=nl</c>), as the browser client does.</param>
    /// <param name="acceptLanguage">The browser's Accept-Language header.</param>
    /// <param name="tz">The time zone the client names in the query (<c>?tz=Europe/Amsterdam</c>), as the browser client does.</param>
    public EventConnection Connect(string token, HubProtocol protocol = HubProtocol.MessagePack, string? clientAddress = null,
        string? lang = null, string? acceptLanguage = null, string? tz = null) =>
        EventConnection.Create(Server.BaseAddress, token, protocol, options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            // Browsers cannot set headers on a WebSocket: the token goes in the query string, as here.
            options.WebSocketFactory = async (context, ct) =>
            {
                var client = Server.CreateWebSocketClient();
                client.ConfigureRequest = request =>
                {
                    if (clientAddress is not null)
                    {
                        request.Headers["X-Forwarded-For"] = clientAddress;
                    }
                    if (acceptLanguage is not null)
                    {
                        request.Headers.AcceptLanguage = acceptLanguage;
                    }
                };
                var uri = QueryHelpers.AddQueryString(context.Uri.ToString(), "access_token", token);
                uri = lang is null ? uri : QueryHelpers.AddQueryString(uri, "lang", lang);
                return await client.ConnectAsync(new Uri(tz is null ? uri : QueryHelpers.AddQueryString(uri, "tz", tz)), ct);
            };
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

    /// <summary>TestServer has no TCP peer; a real server always has one. This one is <see cref="PeerAddress"/>.</summary>
    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Parse(PeerAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
