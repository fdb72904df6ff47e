using BenchmarkDotNet.Attributes;
using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Benchmarks;

/// <summary>
/// One breakout round's pairing after ten earlier rounds among the same people (see
/// <see cref="PairingWorkload"/>). The requirement is well under 50 ms for 10,000 attendees,
/// single-threaded; 300 is a large business-association event, 2,000 a conference.
/// </summary>
[MemoryDiagnoser]
public class PairingBenchmarks
{
    private PairingRequest _request = null!;

    [Params(300, 2_000, 10_000)]
    public int Attendees { get; set; }

    [GlobalSetup]
    public void Setup() => _request = PairingWorkload.Create(Attendees, earlierRounds: 10, seed: 1);

    [Benchmark]
    public PairingResult PairAfterTenRounds() => PairingEngine.Pair(_request);
}
