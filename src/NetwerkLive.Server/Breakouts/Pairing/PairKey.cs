namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// An unordered pair of attendee ids: <c>PairKey.Of(a, b) == PairKey.Of(b, a)</c>, so a history of
/// who met whom can be kept in a plain set. Ids are ordered ordinally, which is culture-independent.
/// </summary>
public readonly record struct PairKey
{
    private PairKey(string first, string second)
    {
        First = first;
        Second = second;
    }

    /// <summary>The ordinally smaller id.</summary>
    public string First { get; }

    /// <summary>The ordinally larger id.</summary>
    public string Second { get; }

    public static PairKey Of(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var order = string.CompareOrdinal(a, b);
        if (order == 0)
        {
            throw new ArgumentException("A pair needs two different attendees.", nameof(b));
        }
        return order < 0 ? new PairKey(a, b) : new PairKey(b, a);
    }
}
