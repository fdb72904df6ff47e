using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NetwerkLive.BrowserTests.Infrastructure;

/// <summary>
/// The real server on a real loopback port (Kestrel, not TestServer), because a browser can only talk
/// to a socket. Presence is sent every 100 ms instead of every second so counts settle quickly; the
/// grace period keeps its production value so a reload does not flicker, as in production.
/// </summary>
public sealed class BrowserServerFactory(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string SigningKey = "browser-test-signing-key-long-enough-0123456789";

    /// <summary>Starts the server on a free loopback port and returns its address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Room:PresenceInterval", "00:00:00.100");
        // A 60 s round (the shortest) would otherwise be "ending" from its first second.
        builder.UseSetting("Breakouts:WarningBefore", "00:00:10");
        // The test output is for the tests: the server speaks up only about problems.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every page of every test comes from 127.0.0.1, which the per-client limits would count as one client.
        builder.UseSetting("Limits:EventsPerClientPerHour", "100000");
        builder.UseSetting("Limits:RegistrationsPerClientPerEventPerHour", "100000");
        builder.UseSetting("Limits:RegistrationsPerClientPerHour", "100000");
        builder.UseSetting("Limits:ReadsPerClientPerMinute", "100000");
        builder.UseSetting("Limits:HubRequestsPerClientPerMinute", "100000");
        builder.UseSetting("Limits:ChatMessagesPerClientPerWindow", "10000");
        builder.UseSetting("Limits:HubCallsPerWindow", "100000");
        builder.UseSetting("Limits:SetAvailablePerWindow", "1000");
        builder.UseEnvironment("Testing");
        // A server of a test's own (the relayed call's TURN settings) on top of the shared defaults.
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
