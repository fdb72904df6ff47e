using MessagePack;

namespace NetwerkLive.Server.Coffees;

/// <summary>
/// The coffees of one event in one document, changed only through <see cref="Storage.ICoffeeStore.UpdateAsync{T}"/>
/// (compare-and-set by <see cref="Version"/> on Redis), as the breakout state is: one coffee per pair is then a plain
/// lookup inside the change, and a reminder claimed by one node is a saved flag the other nodes see.
/// </summary>
[MessagePackObject]
public sealed class CoffeeBook
{
    [Key(0)] public long Version { get; set; }

    /// <summary>dateId → coffee.</summary>
    [Key(1)] public Dictionary<string, CoffeeRecord> Dates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The coffee of two attendees, whichever way round they are named.</summary>
    public CoffeeRecord? Between(string a, string b) => Dates.Values.FirstOrDefault(d => d.Has(a) && d.Has(b));

    /// <summary>When the earliest reminder of this book is due (agreed, not reminded, not cancelled), or null.</summary>
    public IEnumerable<(string DateId, long At)> PendingReminders() =>
        Dates.Values.Where(d => d.ReminderDue).Select(d => (d.DateId, d.RoomOpensAt!.Value));
}

/// <summary>
/// One coffee between <see cref="A"/> and <see cref="B"/> (attendee ids, A the one whose follow-up made it mutual).
/// What a person sees (<see cref="Contracts.CoffeeDate"/>) is read from it by <see cref="CoffeeRules"/>; expired, held
/// and missed are not stored: they follow from the clock.
/// </summary>
[MessagePackObject]
public sealed class CoffeeRecord
{
    [Key(0)] public required string DateId { get; set; }
    [Key(1)] public required string A { get; set; }
    [Key(2)] public required string B { get; set; }

    /// <summary>The times A proposed (epoch ms), in the order given.</summary>
    [Key(3)] public List<long> TimesA { get; set; } = [];

    [Key(4)] public List<long> TimesB { get; set; } = [];

    /// <summary>The agreed start; null while none is agreed (open, or cancelled).</summary>
    [Key(5)] public long? StartsAt { get; set; }
    [Key(6)] public long? EndsAt { get; set; }
    [Key(7)] public long? RoomOpensAt { get; set; }

    /// <summary>Who cancelled it (or blocked the other), while it stays cancelled.</summary>
    [Key(8)] public string? CancelledBy { get; set; }

    /// <summary>Who entered the coffee room of the agreed time (both: held).</summary>
    [Key(9)] public List<string> Entered { get; set; } = [];

    /// <summary>A time was agreed at least once (the report's coffeesAgreed counts it, cancelled later or not).</summary>
    [Key(10)] public bool WasAgreed { get; set; }

    /// <summary>The reminder of the agreed time went out (claimed by one node).</summary>
    [Key(11)] public bool Reminded { get; set; }

    [Key(12)] public long MadeAt { get; set; }

    /// <summary>Both entered the room of an agreed time at least once (the report's coffeesHeld).</summary>
    [Key(13)] public bool WasHeld { get; set; }

    [IgnoreMember] public bool Cancelled => CancelledBy is not null;

    [IgnoreMember] public bool ReminderDue => RoomOpensAt is not null && !Reminded && !Cancelled;

    public bool Has(string attendeeId) => A == attendeeId || B == attendeeId;

    public string Other(string attendeeId) => A == attendeeId ? B : A;

    public List<long> TimesOf(string attendeeId) => A == attendeeId ? TimesA : TimesB;
}
