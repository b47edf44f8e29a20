using System.Text.Json;
using System.Text.Json.Serialization;
using Tongban.Kernel.Errors;

namespace Tongban.Catalog.Features.ImportFeed;

/// <summary>
/// A parsed feed with the line on which each item starts, so errors can name it. A complete feed is the whole
/// provincial catalog, against which local items are compared; a partial one (generated items) is not.
/// </summary>
internal sealed record ParsedFeed(string Source, FeedDocument Document, IReadOnlyList<int> ItemLines, bool Complete = true)
{
    public string Where(int index) => $"{Source} line {ItemLines[index]}";

    public DomainError At(int index, DomainError error) => error with
    {
        Field = $"{Where(index)}, {error.Field}",
        Chinese = $"{Source} 第{ItemLines[index]}行（第{index + 1}项）{error.Field}：{error.Chinese}",
        English = $"{Where(index)} (item {index + 1}), {error.Field}: {error.English}",
    };
}

internal static class FeedReader
{
    /// <summary>How a feed is read, and written (<see cref="PublishFeed.PublishedChanges"/>).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ParsedFeed Read(byte[] json, string source)
    {
        FeedDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<FeedDocument>(json, Options);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            throw new DomainException(new DomainError("feed.malformed", $"{source} 第{line}行不是有效的JSON（{ex.Path}）",
                $"{source} line {line} is not valid JSON ({ex.Path})", Field: $"{source} line {line}"));
        }
        if (document?.Items is null)
            throw new DomainException(new DomainError("feed.items_missing", $"{source} 缺少 items 数组", $"{source} has no items array", Field: source));
        return new ParsedFeed(source, document, ItemLines(json), document.Complete ?? true);
    }

    /// <summary>Reads an uploaded feed whole: its lines are counted from the bytes.</summary>
    public static async Task<byte[]> BytesAsync(Stream upload, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>The 1-based line of each object in the top-level "items" array.</summary>
    private static List<int> ItemLines(byte[] json)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var inItems = false;
        long counted = 0;
        var line = 1;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                inItems = reader.ValueTextEquals("items");
            else if (inItems && reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartObject)
            {
                var start = reader.TokenStartIndex;
                for (; counted < start; counted++) if (json[counted] == (byte)'\n') line++;
                lines.Add(line);
            }
        }
        return lines;
    }
}
