using System.Security.Cryptography;

namespace NetwerkLive.Server.Events;

/// <summary>Random, unguessable, URL-safe ids (lower-case base32, 5 bits a character).</summary>
public static class Ids
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>50 bits: short enough to read out, enough that links cannot be guessed.</summary>
    public static string NewEventId() => New(10);

    /// <summary>80 bits: attendee ids double as SignalR user ids, unique across events.</summary>
    public static string NewAttendeeId() => New(16);

    /// <summary>80 bits: who someone is across a series; only ever handed out inside a signed person token.</summary>
    public static string NewPersonId() => New(16);

    public static string New(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
