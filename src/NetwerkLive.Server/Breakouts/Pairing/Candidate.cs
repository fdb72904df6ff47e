namespace NetwerkLive.Server.Breakouts.Pairing;

/// <summary>
/// An attendee who can be placed in a breakout group. <see cref="Company"/> is compared
/// case-insensitively after trimming; null or blank means unknown, and unknown never counts as a
/// colleague (two people who left the field empty are not assumed to work together).
/// <see cref="Interests"/> are compared case-insensitively.
/// </summary>
public sealed record Candidate(string Id, string? Company, IReadOnlyList<string> Interests);
