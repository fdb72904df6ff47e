using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NetwerkLive.Contracts;

namespace NetwerkLive.Client;

public enum HubProtocol
{
    MessagePack,
    Json,
}

/// <summary>
/// A typed connection to one event's hub. Server pushes arrive as .NET events; hub methods are the
/// <see cref="IEventHub"/> methods. Handlers run on SignalR's receive loop: keep them short.
/// </summary>
public sealed class EventConnection : IEventHub, IAsyncDisposable
{
    private EventConnection(HubConnection connection)
    {
        Connection = connection;
        connection.On<PresenceChange>(nameof(IEventClient.PresenceChanged), c => PresenceChanged?.Invoke(c));
        connection.On<ChatMessage>(nameof(IEventClient.ChatReceived), m => ChatReceived?.Invoke(m));
        connection.On<long>(nameof(IEventClient.ChatDeleted), seq => ChatDeleted?.Invoke(seq));
        connection.On<Announcement>(nameof(IEventClient.Announcement), a => AnnouncementReceived?.Invoke(a));
        connection.On<RemovedNotice>(nameof(IEventClient.Removed), r => Removed?.Invoke(r));
    }

    /// <summary>The underlying SignalR connection, for its state, reconnect and close events.</summary>
    public HubConnection Connection { get; }

    public event Action<PresenceChange>? PresenceChanged;
    public event Action<ChatMessage>? ChatReceived;
    public event Action<long>? ChatDeleted;
    public event Action<Announcement>? AnnouncementReceived;
    public event Action<RemovedNotice>? Removed;

    /// <summary>Builds (but does not start) a connection to <paramref name="baseAddress"/>'s event hub.</summary>
    /// <param name="configureHttp">Transport settings: tests plug in a test server's handler or WebSocket factory here.</param>
    public static EventConnection Create(Uri baseAddress, string token, HubProtocol protocol = HubProtocol.MessagePack,
        Action<HttpConnectionOptions>? configureHttp = null, Action<IHubConnectionBuilder>? configure = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, HubRoutes.Event), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                configureHttp?.Invoke(options);
            });
        // JSON is SignalR's default; MessagePack, registered later, takes its place.
        if (protocol == HubProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }
        configure?.Invoke(builder);
        return new EventConnection(builder.Build());
    }

    public Task StartAsync(CancellationToken ct = default) => Connection.StartAsync(ct);

    public Task StopAsync(CancellationToken ct = default) => Connection.StopAsync(ct);

    public Task<JoinResult> Join() => Connection.InvokeAsync<JoinResult>(nameof(IEventHub.Join));

    public Task<ChatMessage> SendChat(string text) => Connection.InvokeAsync<ChatMessage>(nameof(IEventHub.SendChat), text);

    public Task<ChatMessage[]> GetChatSince(long afterSeq, int limit) => Connection.InvokeAsync<ChatMessage[]>(nameof(IEventHub.GetChatSince), afterSeq, limit);

    public Task SetAvailable(bool available) => Connection.InvokeAsync(nameof(IEventHub.SetAvailable), available);

    public Task Announce(string text) => Connection.InvokeAsync(nameof(IEventHub.Announce), text);

    public Task DeleteMessage(long seq) => Connection.InvokeAsync(nameof(IEventHub.DeleteMessage), seq);

    public Task RemoveAttendee(string attendeeId) => Connection.InvokeAsync(nameof(IEventHub.RemoveAttendee), attendeeId);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
