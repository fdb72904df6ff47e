using System.ComponentModel.DataAnnotations;
using System.Net;

namespace NetwerkLive.Server.Limits;

/// <summary>
/// What one client, one attendee or one event may cost. Bound from the "Limits" section and validated at
/// start-up. A "client" is an address (an IPv6 client's /64), read through X-Forwarded-For only when the
/// request came from one of <see cref="KnownProxies"/> or <see cref="KnownNetworks"/>.
/// </summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    [Range(1, 100_000, ErrorMessage = "Limits:EventsPerClientPerHour must be between 1 and 100000.")]
    public int EventsPerClientPerHour { get; set; } = 20;

    [Range(1, 100_000, ErrorMessage = "Limits:RegistrationsPerClientPerEventPerHour must be between 1 and 100000.")]
    public int RegistrationsPerClientPerEventPerHour { get; set; } = 30;

    [Range(1, 100_000, ErrorMessage = "Limits:RegistrationsPerClientPerHour must be between 1 and 100000.")]
    public int RegistrationsPerClientPerHour { get; set; } = 100;

    /// <summary>Reading an event or its report: cheaper, so a burst of a minute's worth.</summary>
    [Range(1, 100_000, ErrorMessage = "Limits:ReadsPerClientPerMinute must be between 1 and 100000.")]
    public int ReadsPerClientPerMinute { get; set; } = 120;

    /// <summary>Negotiate and connect requests to the hub (a WebSocket connection is usually both).</summary>
    [Range(1, 100_000, ErrorMessage = "Limits:HubRequestsPerClientPerMinute must be between 1 and 100000.")]
    public int HubRequestsPerClientPerMinute { get; set; } = 120;

    /// <summary>People registered for one event, the host included.</summary>
    [Range(2, 1_000_000, ErrorMessage = "Limits:MaxAttendeesPerEvent must be between 2 and 1000000.")]
    public int MaxAttendeesPerEvent { get; set; } = 5000;

    /// <summary>Open hub connections (tabs, devices) of one attendee token, on all nodes together.</summary>
    [Range(1, 1000, ErrorMessage = "Limits:ConnectionsPerAttendee must be between 1 and 1000.")]
    public int ConnectionsPerAttendee { get; set; } = 5;

    /// <summary>The budget of hub calls per attendee: each call costs what <see cref="HubCallCosts"/> says.</summary>
    [Range(1, 100_000, ErrorMessage = "Limits:HubCallsPerWindow must be between 1 and 100000.")]
    public int HubCallsPerWindow { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Limits:HubCallWindow must be between 1 second and 1 hour.")]
    public TimeSpan HubCallWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>SetAvailable on top of the call budget: flapping re-pairs people and pushes to partners.</summary>
    [Range(1, 1000, ErrorMessage = "Limits:SetAvailablePerWindow must be between 1 and 1000.")]
    public int SetAvailablePerWindow { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Limits:SetAvailableWindow must be between 1 second and 1 hour.")]
    public TimeSpan SetAvailableWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Chat messages of everyone registered from one client in one event, per Room:ChatWindow: fresh
    /// registrations from one address do not each bring a new chat budget.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Limits:ChatMessagesPerClientPerWindow must be between 1 and 10000.")]
    public int ChatMessagesPerClientPerWindow { get; set; } = 15;

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For is believed (e.g. "10.0.0.5"). None by default.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of reverse proxies whose X-Forwarded-For is believed, in CIDR form (e.g. "10.0.0.0/8").</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>The first entry of <see cref="KnownProxies"/> or <see cref="KnownNetworks"/> that does not parse, or null.</summary>
    public string? FirstUnreadableProxy() =>
        KnownProxies.FirstOrDefault(p => !IPAddress.TryParse(p, out _))
        ?? KnownNetworks.FirstOrDefault(n => !System.Net.IPNetwork.TryParse(n, out _));
}
