using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Benchmarks;

/// <summary>
/// The in-memory breakout store hands out a MessagePack copy of the whole event document on every read
/// and copies it again for every change. Hub calls that touch breakouts (Join, FindCoffeePartner,
/// LeaveBreakout, the timers) pay that once or twice each. This measures the copy for an event in the
/// middle of a round, with the earlier rounds' summaries in the document.
/// </summary>
[MemoryDiagnoser]
public class BreakoutStoreBenchmarks
{
    private const string EventId = "bench";
    private IBreakoutStore _store = null!;

    [Params(300, 2_000)]
    public int Attendees { get; set; }

    [Params(0, 3)]
    public int PastRounds { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Through the service's own registration, so this is the store the server runs with.
        var builder = Host.CreateApplicationBuilder();
        builder.AddStorage();
        _store = builder.Build().Services.GetRequiredService<IBreakoutStore>();
        _store.UpdateAsync(EventId, state => Populate(state, Attendees, PastRounds)).GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<BreakoutState> Get() => _store.GetAsync(EventId);

    /// <summary>What a call signal or a breakout chat message reads since it stopped copying the whole state.</summary>
    [Benchmark]
    public Task<MemberGroup?> GroupOf() => _store.GetGroupOfAsync(EventId, "attendee-000101");

    [Benchmark]
    public Task<int> UpdateThatChangesNothing() => _store.UpdateAsync(EventId, state => state.Groups.Count);

    private static int Populate(BreakoutState state, int attendees, int pastRounds)
    {
        var pairs = Enumerable.Range(0, attendees / 2).Select(g => new List<string> { $"attendee-{2 * g:D6}", $"attendee-{(2 * g) + 1:D6}" }).ToList();
        for (var r = 0; r < pastRounds; r++)
        {
            state.PastRounds.Add(new RoundSummary { RoundId = $"round-{r}", StartedAt = r, EndedAt = r + 1, GroupCount = pairs.Count, ParticipantCount = attendees, Groups = pairs });
        }
        var round = new RoundState { RoundId = "round-now", StartedAt = 1, EndsAt = 600_000, GroupSize = 2, GroupCount = pairs.Count, GroupsFormed = pairs };
        foreach (var (pair, g) in pairs.Select((p, g) => (p, g)))
        {
            state.AddGroup(new GroupState { GroupId = $"group-{g:D5}", RoundId = round.RoundId, MeetingUrl = $"https://meet.example/netwerk-{g:D5}", Members = [.. pair], EndsAt = round.EndsAt });
            round.Participants.UnionWith(pair);
        }
        state.Round = round;
        state.RoundCounter = pastRounds + 1;
        return state.Groups.Count;
    }
}
