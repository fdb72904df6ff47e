using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace NetwerkLive.Tests.Infrastructure;

/// <summary>
/// A server that reports when it has finished handling a disconnect, so a test can check what the
/// disconnect left behind without sleeping: the client's StopAsync returns before the server's
/// OnDisconnectedAsync has run.
/// </summary>
public sealed class DisconnectProbeFactory : NetwerkLiveFactory
{
    /// <summary>The attendee id of each connection whose OnDisconnectedAsync has completed, in order.</summary>
    public Inbox<string> Disconnected => _probe.Disconnected;

    private readonly DisconnectProbe _probe = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<HubOptions>(hub => hub.AddFilter(_probe)));
    }

    private sealed class DisconnectProbe : IHubFilter
    {
        public Inbox<string> Disconnected { get; } = new();

        public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
        {
            await next(context, exception);
            Disconnected.Add(context.Context.UserIdentifier ?? "");
        }
    }
}
