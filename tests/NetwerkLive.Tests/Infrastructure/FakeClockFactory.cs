using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NetwerkLive.Server.Presence;

namespace NetwerkLive.Tests.Infrastructure;

/// <summary>
/// The server on a fake clock, so grace periods and presence intervals pass when a test says so. It
/// also reports when the server has finished handling a closed connection: only then does advancing
/// the clock mean anything for that connection.
/// </summary>
public class FakeClockFactory : NetwerkLiveFactory
{
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);

    /// <summary>Room:PresenceInterval as the base factory sets it.</summary>
    public static readonly TimeSpan PresenceInterval = TimeSpan.FromMilliseconds(100);

    public FakeClockFactory()
    {
        With("Room:PresenceGracePeriod", GracePeriod.ToString());
        With("Room:PresenceInterval", PresenceInterval.ToString());
    }

    /// <summary>Starts at the real time: tokens are issued on this clock and checked against the real one.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The attendee id of each connection whose disconnect the server has fully handled.</summary>
    public Inbox<string> Disconnected { get; } = new();

    /// <summary>A new server set up as this one (same store), for a test that needs a clock or settings of its own.</summary>
    public FakeClockFactory Another() => IsOnRedis ? new RedisFakeClockFactory() : new FakeClockFactory();

    /// <summary>
    /// A second server on the same Redis and key prefix as this one (two nodes of one cluster), its clock no earlier
    /// than this one's: a test moves both clocks.
    /// </summary>
    public FakeClockFactory SecondNode()
    {
        Assert.True(IsOnRedis, "Only a server in Redis mode has a second node.");
        var other = new RedisFakeClockFactory();
        other.With("Redis:KeyPrefix", Setting("Redis:KeyPrefix"));
        // Each clock starts at the real time it was made: the second never runs behind the first.
        if (Clock.GetUtcNow() > other.Clock.GetUtcNow())
        {
            other.Clock.SetUtcNow(Clock.GetUtcNow());
        }
        return other;
    }

    /// <summary>Lets one presence interval pass, which sends whatever presence changes are held back.</summary>
    public void NextPresenceInterval() => Clock.Advance(PresenceInterval);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<HubOptions>(hub => hub.AddFilter(new DisconnectSignal(Disconnected)));
            if (IsOnRedis)
            {
                // The Redis presence window expires on Redis's own clock, which the fake clock cannot move: a
                // held-back change would wait for a window that, on the fake clock, never opens again. With one
                // node there is nobody to share the interval with (the cluster tests cover the window itself).
                services.RemoveAll<IPresenceWindow>();
                services.AddSingleton<IPresenceWindow, SingleNodePresenceWindow>();
            }
        });
    }

    private sealed class DisconnectSignal(Inbox<string> disconnected) : IHubFilter
    {
        public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
        {
            await next(context, exception);
            disconnected.Add(context.Context.UserIdentifier ?? "");
        }
    }
}

/// <summary>The fake-clock server in Redis mode: grace periods and timers on the fake clock, state in the test Redis.</summary>
public sealed class RedisFakeClockFactory : FakeClockFactory
{
    public RedisFakeClockFactory() => OnRedis();
}
