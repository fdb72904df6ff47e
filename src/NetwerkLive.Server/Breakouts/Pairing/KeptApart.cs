using NetwerkLive.Server.Storage;

namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// Who is kept apart: two registrations of one person, and two people one of whom blocked the other in the series. They
/// are never paired, and neither sees the other in the board, in a recalled meeting or in a coffee.
/// </summary>
public static class KeptApart
{
    public static bool Between(IReadOnlySet<PairKey> blocks, AttendeeRecord a, AttendeeRecord b) =>
        a.PersonId == b.PersonId || blocks.Contains(PairKey.Of(a.PersonId, b.PersonId));
}
