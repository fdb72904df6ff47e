using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using NetwerkLive.Client;

namespace NetwerkLive.LoadTests.Clients;

/// <summary>How every simulated client connects: WebSockets straight away (no negotiate round trip), the chosen protocol.</summary>
internal sealed record ConnectionSettings(HubProtocol Protocol, TimeSpan Timeout)
{
    public static void ConfigureTransport(HttpConnectionOptions options)
    {
        options.Transports = HttpTransportType.WebSockets;
        options.SkipNegotiation = true;
    }

    /// <summary>
    /// A loaded two-core box can be slow to ping or to answer a handshake; the load test wants to see the
    /// delay in its figures, not a client that gave up.
    /// </summary>
    public void Configure(IHubConnectionBuilder builder) => builder
        .WithServerTimeout(Timeout + Timeout)
        .WithKeepAliveInterval(TimeSpan.FromSeconds(15));

    public void Configure(HubConnection connection) => connection.HandshakeTimeout = Timeout;
}
