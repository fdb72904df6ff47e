using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace NetwerkLive.Tests.Infrastructure;

/// <summary>
/// The real server with every limit at its default, for the tests of the limits, on a clock that stands
/// still unless a test moves it: a budget then refills only when the test says so, however slow the machine.
/// </summary>
public sealed class DefaultLimitsFactory : NetwerkLiveFactory
{
    public DefaultLimitsFactory()
    {
        WithDefaultLimits();
    }

    /// <summary>Starts at the real time: tokens are issued on this clock and checked against the real one.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>A client address no other test uses, so tests sharing a server do not share budgets.</summary>
    public static string NewClientAddress() =>
        $"10.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
