namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>The groups of one round.</summary>
/// <param name="Groups">Each group has at least two people.</param>
/// <param name="Unplaced">
/// People who could not be placed: a lone candidate, or people whom blocks leave without an allowed
/// grouping. Empty whenever everyone can be placed.
/// </param>
public sealed record PairingResult(
    IReadOnlyList<IReadOnlyList<Candidate>> Groups,
    IReadOnlyList<Candidate> Unplaced)
{
    public static PairingResult Empty { get; } = new([], []);
}
