using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MessagePack;

namespace NetwerkLive.Tests.Infrastructure;

/// <summary>
/// Describes what a payload looks like on the wire, independent of the protocol: field names and
/// value kinds, with object keys sorted, e.g. <c>{"seq":integer,"text":string}</c>.
/// </summary>
public static class WireShape
{
    /// <summary>The shape of the first argument of a JSON hub protocol invocation frame.</summary>
    public static Shape OfJsonInvocationArgument(ReadOnlyMemory<byte> frame)
    {
        const byte recordSeparator = 0x1e;
        var json = frame.Span[^1] == recordSeparator ? frame[..^1] : frame;
        using var document = JsonDocument.Parse(json);
        var argument = document.RootElement.GetProperty("arguments")[0];
        var keys = new List<string>();
        var text = Of(argument, keys);
        return new Shape(text, [.. argument.EnumerateObject().Select(p => p.Name)], keys);
    }

    /// <summary>The shape of the first argument of a MessagePack hub protocol invocation frame.</summary>
    public static Shape OfMessagePackInvocationArgument(ReadOnlyMemory<byte> frame)
    {
        // A frame is a varint length prefix, then [type, headers, invocationId, target, arguments, streamIds].
        var prefix = 0;
        while ((frame.Span[prefix] & 0x80) != 0)
        {
            prefix++;
        }
        var reader = new MessagePackReader(frame[(prefix + 1)..]);
        reader.ReadArrayHeader();
        for (var i = 0; i < 4; i++)
        {
            reader.Skip();
        }
        Assert.True(reader.ReadArrayHeader() >= 1, "The invocation has no arguments.");
        var topLevel = new List<string>();
        var peek = reader;
        for (var i = peek.ReadMapHeader(); i > 0; i--)
        {
            topLevel.Add(peek.ReadString()!);
            peek.Skip();
        }
        var keys = new List<string>();
        var text = Of(ref reader, keys);
        return new Shape(text, topLevel, keys);
    }

    private static string Of(JsonElement element, List<string> keys) => element.ValueKind switch
    {
        JsonValueKind.Object => Object(element.EnumerateObject().Select(p => (p.Name, Of(p.Value, keys))), keys),
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(e => Of(e, keys))) + "]",
        JsonValueKind.String => "string",
        JsonValueKind.Number => element.GetRawText().IndexOfAny(['.', 'e', 'E']) < 0 ? "integer" : "float",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Null => "null",
        _ => throw new InvalidOperationException($"Unexpected JSON {element.ValueKind}."),
    };

    private static string Of(ref MessagePackReader reader, List<string> keys)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                var count = reader.ReadMapHeader();
                var fields = new List<(string, string)>(count);
                for (var i = 0; i < count; i++)
                {
                    Assert.Equal(MessagePackType.String, reader.NextMessagePackType);
                    var name = reader.ReadString()!;
                    fields.Add((name, Of(ref reader, keys)));
                }
                return Object(fields, keys);
            case MessagePackType.Array:
                var length = reader.ReadArrayHeader();
                var items = new string[length];
                for (var i = 0; i < length; i++)
                {
                    items[i] = Of(ref reader, keys);
                }
                return "[" + string.Join(",", items) + "]";
            case MessagePackType.String:
                reader.ReadString();
                return "string";
            case MessagePackType.Integer:
                reader.Skip();
                return "integer";
            case MessagePackType.Float:
                reader.Skip();
                return "float";
            case MessagePackType.Boolean:
                reader.ReadBoolean();
                return "bool";
            case MessagePackType.Nil:
                reader.ReadNil();
                return "null";
            default:
                throw new InvalidOperationException($"Unexpected MessagePack {reader.NextMessagePackType}.");
        }
    }

    private static string Object(IEnumerable<(string Name, string Shape)> fields, List<string> keys)
    {
        var sorted = fields.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        keys.AddRange(sorted.Select(f => f.Name));
        return "{" + string.Join(",", sorted.Select(f => $"\"{f.Name}\":{f.Shape}")) + "}";
    }

    /// <param name="Text">The canonical shape, nested objects included.</param>
    /// <param name="Fields">The payload's own field names, in wire order.</param>
    /// <param name="AllKeys">Every object key at any depth.</param>
    public sealed record Shape(string Text, IReadOnlyList<string> Fields, IReadOnlyList<string> AllKeys);

    /// <summary>
    /// A hub result read as <c>object</c>, whatever the protocol made of it (a JsonElement from JSON;
    /// dictionaries, arrays and primitives from MessagePack), as canonical JSON with sorted keys.
    /// </summary>
    public static string CanonicalJson(object? value) => Canonical(ToNode(value));

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        float or double or decimal => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        sbyte or byte or short or ushort or int or uint or long => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong u => JsonValue.Create(u),
        IDictionary<object, object> map => new JsonObject(map.Select(kv => KeyValuePair.Create((string)kv.Key, ToNode(kv.Value)))),
        object[] array => new JsonArray([.. array.Select(ToNode)]),
        _ => throw new InvalidOperationException($"Unexpected hub value of type {value.GetType()}."),
    };

    private static string Canonical(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder builder)
    {
        switch (node)
        {
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (name, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? "" : ",").Append(JsonSerializer.Serialize(name)).Append(':');
                    Write(child, builder);
                    first = false;
                }
                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    Write(array[i], builder);
                }
                builder.Append(']');
                break;
            default:
                builder.Append(node?.ToJsonString() ?? "null");
                break;
        }
    }
}
