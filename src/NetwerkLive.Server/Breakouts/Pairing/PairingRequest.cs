namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>Everything one breakout round's grouping depends on; the same request gives the same result.</summary>
/// <param name="Candidates">Who is available. Their order does not matter: the engine orders them by id itself.</param>
/// <param name="GroupSize">2 to 4. With 2 and an odd count there is exactly one group of three.</param>
/// <param name="AlreadyMet">Soft: pairs that met before are avoided while a repeat-free grouping exists.</param>
/// <param name="Blocked">Hard: these pairs are never in one group, even when that leaves someone out.</param>
/// <param name="Seed">Chooses among equally good groupings, so a round can be replayed in tests.</param>
public sealed record PairingRequest(
    IReadOnlyList<Candidate> Candidates,
    int GroupSize,
    IReadOnlySet<PairKey> AlreadyMet,
    IReadOnlySet<PairKey> Blocked,
    int Seed)
{
    public const int MinGroupSize = 2;
    public const int MaxGroupSize = 4;
}
