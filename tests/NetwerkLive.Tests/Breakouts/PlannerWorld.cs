using NetwerkLive.Server.Breakouts;
using PairKey = NetwerkLive.Server.Breakouts.Pairing.PairKey;
using NetwerkLive.Server.Storage;

namespace NetwerkLive.Tests.Breakouts;

/// <summary>
/// One event's <see cref="BreakoutState"/> and a <see cref="RoundPlanner"/> working on it, with times given
/// explicitly. Attendee ids are plain names; who met or blocked whom is set per test.
/// </summary>
internal sealed class PlannerWorld
{
    public const long T0 = 1_700_000_000_000;
    public const long Second = 1_000;
    public const long Minute = 60 * Second;

    /// <summary>Rounds here last ten minutes, so the one-minute warning is due at nine.</summary>
    public const int RoundSeconds = 600;
    public const long RoundEnd = T0 + (RoundSeconds * Second);

    private readonly HashSet<PairKey> _met = [];
    private readonly HashSet<PairKey> _blocked = [];
    private readonly Dictionary<string, AttendeeRecord> _records = new(StringComparer.Ordinal);
    private int _groupCount;

    public PlannerWorld()
    {
        // Defaults: warned a minute before the end, five more minutes when the whole group asks.
        Planner = new RoundPlanner(new BreakoutOptions(), group =>
        {
            group.GroupId = "g" + ++_groupCount;
            return group;
        });
    }

    public BreakoutState State { get; } = new();

    public RoundPlanner Planner { get; }

    /// <summary>What the service would hand the planner: the people's records and how well two of them fit.</summary>
    public PeopleIndex People => new(_records, (a, b) =>
        a == b || _blocked.Contains(PairKey.Of(a, b)) ? null : _met.Contains(PairKey.Of(a, b)) ? Server.Breakouts.People.RepeatPenalty : 0);

    public RoundState Round => State.Round ?? throw new InvalidOperationException("No round was started.");

    public void Met(string a, string b) => _met.Add(PairKey.Of(a, b));

    public void Block(string a, string b) => _blocked.Add(PairKey.Of(a, b));

    /// <summary>Starts a ten-minute round at <see cref="T0"/> with the groups the pairing engine chose.</summary>
    public BreakoutEffects StartRound(string[][] groups, string[]? unplaced = null, int groupSize = 2)
    {
        foreach (var id in groups.SelectMany(g => g).Concat(unplaced ?? []))
        {
            Register(id);
        }
        return Apply(fx => Planner.StartRound(State,
            new RoundStart("r1", T0, RoundSeconds, groupSize, Seed: 42, [.. groups.Select(g => g.ToList())], unplaced ?? []), fx));
    }

    /// <summary>Two people matched in the coffee queue, as the service does it.</summary>
    public GroupState StartCoffee(string a, string b, long endsAt)
    {
        Register(a);
        Register(b);
        var group = Planner.Prepare(new GroupState { GroupId = "", RoundId = BreakoutIds.CoffeePrefix + "1", Members = [a, b], EndsAt = endsAt });
        State.AddGroup(group);
        return group;
    }

    public GroupState GroupOf(string attendeeId) =>
        State.GroupOf(attendeeId) ?? throw new InvalidOperationException($"{attendeeId} is in no group.");

    public BreakoutEffects Tick(long now) => Apply(fx => Planner.Tick(State, now, fx));

    public BreakoutEffects EndRound(long now, bool byHost) => Apply(fx => Planner.EndRound(State, now, byHost, fx));

    public BreakoutEffects ExtendRound(long byMs) => Apply(fx => Planner.ExtendRound(State, byMs, fx));

    public (bool Extended, BreakoutEffects Effects) Propose(string attendeeId)
    {
        var fx = new BreakoutEffects();
        return (Planner.ProposeExtension(State, attendeeId, fx), fx);
    }

    public BreakoutEffects PlaceLateJoiner(string attendeeId, long now)
    {
        Register(attendeeId);
        return Apply(fx => Planner.PlaceLateJoiner(State, attendeeId, now, People, fx));
    }

    public (bool WasInGroup, BreakoutEffects Effects) Remove(string attendeeId, bool sitOutRound, long now)
    {
        var fx = new BreakoutEffects();
        return (Planner.Remove(State, attendeeId, sitOutRound, now, People, fx), fx);
    }

    /// <summary>Members of each group as "a+b", sorted, for readable assertions.</summary>
    public static string Names(IEnumerable<string> members) => string.Join("+", members.Order(StringComparer.Ordinal));

    public static string[] Recipients<TNotice>(IEnumerable<(IReadOnlyList<string> Members, TNotice Notice)> sent) =>
        [.. sent.Select(s => Names(s.Members)).Order(StringComparer.Ordinal)];

    private static BreakoutEffects Apply(Action<BreakoutEffects> change)
    {
        var fx = new BreakoutEffects();
        change(fx);
        return fx;
    }

    private void Register(string id) =>
        _records.TryAdd(id, new AttendeeRecord("event", id, id, id + " BV", [], null, IsHost: false, Available: true, Removed: false, T0, PersonId: "person-" + id));
}
