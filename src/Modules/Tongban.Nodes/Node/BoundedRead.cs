using System.Buffers;

namespace Tongban.Nodes.Node;

/// <summary>
/// Reads a body of at most <c>max</c> bytes and parses it, refusing a longer one without reading it all. The buffer is
/// rented: a fresh array of the limit (256 KB for a message, 1 MB for a department system's answer) on every call would
/// land on the large-object heap each time.
/// </summary>
internal static class BoundedRead
{
    public static async Task<T> ParseAsync<T>(Stream body, int max, Func<ReadOnlyMemory<byte>, T> parse, Func<Exception> tooLarge, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(max + 1);
        try
        {
            var read = await body.ReadAtLeastAsync(buffer.AsMemory(0, max + 1), max + 1, throwOnEndOfStream: false, ct);
            return read > max ? throw tooLarge() : parse(buffer.AsMemory(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
