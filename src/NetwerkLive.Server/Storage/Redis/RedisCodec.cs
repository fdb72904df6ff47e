using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetwerkLive.Server.Breakouts.Pairing;

namespace NetwerkLive.Server.Storage.Redis;

/// <summary>
/// How records are written to Redis: System.Text.Json (source-generated) for the plain records, which carry
/// no MessagePack attributes; only the stored properties, not the computed ones (Series, SeriesKey...).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(EventRecord))]
[JsonSerializable(typeof(AttendeeRecord))]
[JsonSerializable(typeof(Meeting))]
[JsonSerializable(typeof(ChatFeedEntry))]
internal sealed partial class RedisJson : JsonSerializerContext
{
    public static byte[] Serialize<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        JsonSerializer.SerializeToUtf8Bytes(value, info);

    public static T Deserialize<T>(byte[] bytes, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        JsonSerializer.Deserialize(bytes, info) ?? throw new InvalidDataException($"Redis held a null {typeof(T).Name}.");
}

/// <summary>A chat message on the feed channel, without the event id and seq (which the script puts in front).</summary>
internal sealed record ChatFeedEntry(string SenderId, string SenderName, string Text, long SentAt);

/// <summary>
/// A <see cref="PairKey"/> as one set member: "{length of First}:{First}{Second}". A length prefix is safe
/// whatever characters the ids hold.
/// </summary>
internal static class PairKeyCodec
{
    public static string Encode(PairKey pair) =>
        pair.First.Length.ToString(CultureInfo.InvariantCulture) + ":" + pair.First + pair.Second;

    public static PairKey Decode(string member)
    {
        var colon = member.IndexOf(':', StringComparison.Ordinal);
        var length = int.Parse(member.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture);
        var start = colon + 1;
        return PairKey.Of(member.Substring(start, length), member[(start + length)..]);
    }
}
