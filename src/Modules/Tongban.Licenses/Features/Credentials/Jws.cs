using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tongban.Licenses.Signing;

namespace Tongban.Licenses.Features.Credentials;

/// <summary>
/// Compact JWS (RFC 7515) with ES256 for VC-JOSE-COSE: the header names <c>typ vc+jwt</c> and the key's <c>kid</c>,
/// the payload is the credential's JSON itself (the spec's "unsecured VC is the JWS payload"), the signature is
/// r‖s of 32 bytes each (RFC 7518 §3.4), not the DER our seals use.
/// </summary>
internal static class Jws
{
    public const string MediaType = "application/vc+jwt";

    // Chinese as UTF-8, not \u escapes: the payload is read by people and never placed in HTML.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Sign(JsonObject payload, string kid, Func<byte[], byte[]> signDer)
    {
        var header = new JsonObject { ["alg"] = "ES256", ["typ"] = "vc+jwt", ["cty"] = "vc", ["kid"] = kid };
        var input = $"{Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString(Json)))}";
        return $"{input}.{Base64Url(P1363(signDer(Encoding.ASCII.GetBytes(input))))}";
    }

    /// <summary>A P-256 public key (SubjectPublicKeyInfo DER) as a JWK (RFC 7517) for a JWK set.</summary>
    public static JsonObject Jwk(byte[] subjectPublicKeyInfo, string kid)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        var point = ecdsa.ExportParameters(false).Q;
        return new JsonObject
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64Url(point.X!), ["y"] = Base64Url(point.Y!), ["kid"] = kid, ["alg"] = "ES256", ["use"] = "sig",
        };
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>DER SEQUENCE { r, s } to the fixed-width r‖s JOSE wants.</summary>
    private static byte[] P1363(byte[] der)
    {
        var sequence = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var result = new byte[64];
        Fixed(sequence.ReadIntegerBytes().Span).CopyTo(result.AsSpan(0, 32));
        Fixed(sequence.ReadIntegerBytes().Span).CopyTo(result.AsSpan(32, 32));
        return result;
    }

    private static byte[] Fixed(ReadOnlySpan<byte> integer)
    {
        var trimmed = integer.TrimStart((byte)0);
        var out32 = new byte[32];
        trimmed.CopyTo(out32.AsSpan(32 - trimmed.Length));
        return out32;
    }
}
