using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Benchmarks;

/// <summary>
/// What one host overview costs to build (HostOverview.BuildAsync: the breakout document, the presence list with who is
/// connected, the attendee records), for an event in the middle of a round of pairs where everyone is present. The
/// publisher builds at most one per event per Breakouts:HostOverviewDelay, and only while the host is present.
/// Redis: set NETWERKLIVE_BENCH_REDIS to host:port (a Redis of its own; keys under "netwerklive-bench:").
/// </summary>
[MemoryDiagnoser]
public class HostOverviewBenchmarks
{
    private IHost _host = null!;
    private HostOverview _overview = null!;
    private EventRecord _event = null!;

    [Params("InMemory", "Redis")]
    public string Store { get; set; } = "InMemory";

    [Params(600)]
    public int Attendees { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var builder = BenchStores.Builder(Store);
        builder.Services.AddSingleton<HostOverview>();
        _host = builder.Build();
        _overview = _host.Services.GetRequiredService<HostOverview>();
        PopulateAsync(_host.Services).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark]
    public Task<NetwerkLive.Contracts.BreakoutOverview> Build() => _overview.BuildAsync(_event);

    private async Task PopulateAsync(IServiceProvider services)
    {
        var events = services.GetRequiredService<IEventStore>();
        var presence = services.GetRequiredService<IPresenceStore>();
        var breakouts = services.GetRequiredService<IBreakoutStore>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var eventId = "bench-" + Guid.NewGuid().ToString("N")[..12];
        _event = new EventRecord(eventId, "Benchmark", null, null, "host", now);
        await events.CreateEventAsync(_event);
        await events.AddAttendeeAsync(new AttendeeRecord(eventId, "host", "Host", null, [], null, IsHost: true, Available: false, Removed: false, now, "person-host"));
        await presence.ConnectAsync(eventId, "host", "connection-host", now);
        var ids = Enumerable.Range(0, Attendees).Select(i => $"attendee-{i:D6}").ToList();
        foreach (var id in ids)
        {
            await events.AddAttendeeAsync(new AttendeeRecord(eventId, id, "Deelnemer " + id[^6..], "Bedrijf " + id[^3..], ["water", "bouw"], "contact@example.org",
                IsHost: false, Available: true, Removed: false, now, "person-" + id));
            await presence.ConnectAsync(eventId, id, "connection-" + id, now);
        }
        await breakouts.UpdateAsync(eventId, state =>
        {
            var round = new RoundState { RoundId = "round-now", StartedAt = now, EndsAt = now + 600_000, GroupSize = 2, GroupCount = Attendees / 2 };
            for (var g = 0; g < Attendees / 2; g++)
            {
                var pair = new List<string> { ids[2 * g], ids[(2 * g) + 1] };
                state.AddGroup(new GroupState { GroupId = $"group-{g:D5}", RoundId = round.RoundId, Members = pair, EndsAt = round.EndsAt, StartedAt = now, Formed = g });
                round.GroupsFormed.Add(pair);
                round.Participants.UnionWith(pair);
            }
            state.Round = round;
            state.RoundCounter = 1;
            return 0;
        });
    }
}
