using System.Text.Json;
using System.Text.Json.Nodes;
using Tongban.Kernel.Keys;

namespace Tongban.Nodes.Contracts;

/// <summary>A signature over a document's canonical bytes: the algorithm, the signing key's id and the signature, base64.</summary>
public sealed record DocumentSignature(string Algorithm, string KeyId, string Value);

/// <summary>
/// A JSON document and its signature, <c>{"document": …, "signature": {algorithm, keyId, value}}</c>. The signature covers
/// the document's RFC 8785 canonical form (<see cref="CanonicalJson"/>), so any reader re-creates the signed bytes from
/// what it received, whatever whitespace or member order travelled. The node configuration and the message headers
/// are signed this way.
/// </summary>
public static class SignedDocument
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static JsonObject Sign<T>(T document, SigningKey key)
    {
        var node = JsonSerializer.SerializeToNode(document, Json)!;
        var signature = new DocumentSignature(key.Public.Algorithm, key.Public.KeyId, Convert.ToBase64String(key.Sign(CanonicalJson.Serialize(node))));
        return new JsonObject { ["document"] = node, ["signature"] = JsonSerializer.SerializeToNode(signature, Json) };
    }

    /// <summary>JSON text as a node, or null when it is not JSON (what came over the wire is read before it is believed).</summary>
    public static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The document when one of <paramref name="trusted"/> verifies its signature; null for anything else (malformed, unsigned, wrongly signed).</summary>
    public static T? Verify<T>(JsonNode? envelope, IEnumerable<PublicSigningKey> trusted) where T : class
    {
        try
        {
            if (envelope?["document"] is not JsonObject document || envelope["signature"]?.Deserialize<DocumentSignature>(Json) is not { } signature) return null;
            var key = trusted.FirstOrDefault(k => k.KeyId == signature.KeyId && k.Algorithm == signature.Algorithm);
            if (key is null || !key.Verify(CanonicalJson.Serialize(document), Convert.FromBase64String(signature.Value))) return null;
            return document.Deserialize<T>(Json);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
