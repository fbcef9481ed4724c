using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using TwinLang.Text;

namespace TwinLang.Compiler.Packages;

/// <summary>
/// A JSON value that remembers where it stands in its source, so manifest problems point at the offending
/// value rather than at the file. <c>JsonDocument</c> forgets positions, hence this small reader.
/// </summary>
internal abstract record PositionedJson(TextSpan Span)
{
    /// <summary>Parses <paramref name="bytes"/> (UTF-8, no byte-order mark) whose decoded text is <paramref name="text"/>.</summary>
    /// <exception cref="JsonException">The JSON is malformed; <see cref="ErrorSpan"/> locates it.</exception>
    public static PositionedJson Parse(ReadOnlySpan<byte> bytes, SourceText text)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read())
        {
            throw new JsonException("The input does not contain any JSON tokens.", null, 0, 0);
        }

        var offsets = new ByteToCharOffsets(bytes);
        var value = ReadValue(ref reader, offsets);
        if (reader.Read())
        {
            throw new JsonException($"'{reader.TokenType}' follows the end of the document.", null, null, null);
        }

        return value;
    }

    /// <summary>The position a <see cref="JsonException"/> names, as a one-character span of <paramref name="text"/>.</summary>
    public static TextSpan ErrorSpan(JsonException error, ReadOnlySpan<byte> bytes, SourceText text)
    {
        if (error.LineNumber is not { } line || error.BytePositionInLine is not { } column)
        {
            return new TextSpan(text.Length, 0);
        }

        // The reader counts lines by '\n' and columns in bytes; walk the bytes to the character offset.
        var lineStart = 0;
        for (var l = 0; l < line && lineStart < bytes.Length; l++)
        {
            var next = bytes[lineStart..].IndexOf((byte)'\n');
            lineStart = next < 0 ? bytes.Length : lineStart + next + 1;
        }

        var byteOffset = (int)Math.Min(bytes.Length, lineStart + column);
        var charOffset = Encoding.UTF8.GetCharCount(bytes[..byteOffset]);
        return new TextSpan(Math.Min(charOffset, text.Length), charOffset < text.Length ? 1 : 0);
    }

    private static PositionedJson ReadValue(ref Utf8JsonReader reader, ByteToCharOffsets offsets)
    {
        var start = offsets.ToChar(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = ImmutableArray.CreateBuilder<JsonProperty>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var nameStart = offsets.ToChar(reader.TokenStartIndex);
                    var name = reader.GetString() ?? "";
                    var nameSpan = TextSpan.FromBounds(nameStart, offsets.ToChar(reader.TokenStartIndex + reader.ValueSpan.Length + 2));
                    reader.Read();
                    properties.Add(new JsonProperty(name, nameSpan, ReadValue(ref reader, offsets)));
                }

                return new JsonObject(TextSpan.FromBounds(start, offsets.ToChar(reader.TokenStartIndex + 1)), properties.ToImmutable());
            case JsonTokenType.StartArray:
                var depth = reader.CurrentDepth;
                while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth))
                {
                }

                return new JsonOther(TextSpan.FromBounds(start, offsets.ToChar(reader.TokenStartIndex + 1)), "an array");
            case JsonTokenType.String:
                var end = offsets.ToChar(reader.TokenStartIndex + reader.ValueSpan.Length + 2);
                return new JsonString(TextSpan.FromBounds(start, end), reader.GetString() ?? "");
            default:
                var kind = reader.TokenType switch
                {
                    JsonTokenType.Number => "a number",
                    JsonTokenType.True or JsonTokenType.False => "a boolean",
                    _ => "null",
                };
                return new JsonOther(TextSpan.FromBounds(start, offsets.ToChar(reader.TokenStartIndex + reader.ValueSpan.Length)), kind);
        }
    }

    private sealed class ByteToCharOffsets(ReadOnlySpan<byte> bytes)
    {
        private readonly byte[] _bytes = bytes.ToArray();

        public int ToChar(long byteOffset) => Encoding.UTF8.GetCharCount(_bytes.AsSpan(0, (int)Math.Min(byteOffset, _bytes.Length)));
    }
}

/// <summary>A JSON object with its properties in document order.</summary>
internal sealed record JsonObject(TextSpan Span, ImmutableArray<JsonProperty> Properties) : PositionedJson(Span)
{
    public JsonProperty? Find(string name) => Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}

/// <summary>A name and its value.</summary>
internal sealed record JsonProperty(string Name, TextSpan NameSpan, PositionedJson Value);

/// <summary>A JSON string (span includes the quotes).</summary>
internal sealed record JsonString(TextSpan Span, string Value) : PositionedJson(Span);

/// <summary>Any other value; <see cref="Kind"/> says what it is in words.</summary>
internal sealed record JsonOther(TextSpan Span, string Kind) : PositionedJson(Span);
