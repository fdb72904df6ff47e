namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// An attendee who can be placed in a breakout group. <see cref="Company"/> is compared
/// case-insensitively after trimming; null or blank means unknown, and unknown never counts as a
/// colleague (two people who left the field empty are not assumed to work together).
/// <see cref="Interests"/> are compared case-insensitively. <see cref="Ask"/> and <see cref="Offer"/>: "Ik zoek / Ik
/// bied", compared by <see cref="AskOfferMatch"/>.
/// </summary>
public sealed record Candidate(string Id, string? Company, IReadOnlyList<string> Interests)
{
    public Contracts.AskOffer? Ask { get; init; }

    public Contracts.AskOffer? Offer { get; init; }
}
