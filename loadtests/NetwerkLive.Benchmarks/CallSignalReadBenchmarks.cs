using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Benchmarks;

/// <summary>
/// What a call signal or a breakout chat message reads to check the caller's group, in an event of
/// <see cref="Attendees"/> people in pairs: the whole state as before (<c>GetAsync</c>, then <c>GroupOf</c>), and
/// <c>GetGroupOfAsync</c>. Redis: set NETWERKLIVE_BENCH_REDIS to host:port (keys under "netwerklive-bench:").
/// </summary>
[MemoryDiagnoser]
public class CallSignalReadBenchmarks
{
    private const string Member = "attendee-000101";
    private readonly string _eventId = "bench-" + Guid.NewGuid().ToString("N");
    private IHost _host = null!;
    private IBreakoutStore _store = null!;

    [Params("InMemory", "Redis")]
    public string Store { get; set; } = "InMemory";

    [Params(600)]
    public int Attendees { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchStores.Builder(Store).Build();
        _store = _host.Services.GetRequiredService<IBreakoutStore>();
        _store.UpdateAsync(_eventId, state =>
        {
            for (var g = 0; g < Attendees / 2; g++)
            {
                state.AddGroup(new GroupState { GroupId = $"group-{g:D5}", RoundId = "round-now", Members = [$"attendee-{2 * g:D6}", $"attendee-{(2 * g) + 1:D6}"], EndsAt = 600_000 });
            }
            return true;
        }).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<string?> WholeState() => (await _store.GetAsync(_eventId)).GroupOf(Member)?.GroupId;

    [Benchmark]
    public async Task<string?> GroupOf() => (await _store.GetGroupOfAsync(_eventId, Member))?.GroupId;
}
