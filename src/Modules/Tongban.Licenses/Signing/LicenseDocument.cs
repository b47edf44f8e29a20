using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tongban.Kernel.Keys;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Signing;

/// <summary>
/// The signed form of a license: a JSON document (format <see cref="Format"/>) canonicalised by RFC 8785, whose UTF-8
/// bytes are exactly what the seal signs and what <c>tongban licenses export</c> writes as license.json. The key id and
/// algorithm are inside the signed bytes, so a signature cannot be passed off under another key.
/// </summary>
internal static class LicenseDocument
{
    public const string Format = "tongban-license/1";

    public static string Canonical(LicenseFace face, string keyId, string algorithm)
    {
        var fields = new JsonObject();
        foreach (var (key, value) in face.Fields) fields[key] = value;
        var doc = new JsonObject
        {
            ["format"] = Format,
            ["identifier"] = face.Identifier,
            ["licenseType"] = new JsonObject { ["code"] = face.TypeCode, ["name"] = face.TypeName },
            ["number"] = face.Number,
            ["issuer"] = new JsonObject { ["code"] = face.IssuerCode, ["name"] = face.IssuerName },
            ["holder"] = new JsonObject { ["codeType"] = face.Holder.CodeType, ["code"] = face.Holder.Code, ["name"] = face.Holder.Name },
            ["issuedOn"] = Date(face.IssuedOn),
            ["validUntil"] = face.ValidUntil is { } until ? Date(until) : null,
            ["fields"] = fields,
            ["previous"] = face.Previous,
            ["seal"] = new JsonObject { ["keyId"] = keyId, ["algorithm"] = algorithm },
        };
        return CanonicalJson.Text(doc);
    }

    public static byte[] Bytes(string canonical) => Encoding.UTF8.GetBytes(canonical);

    /// <summary>The face and seal key written in a signed document (read only after its signature verified).</summary>
    public static (LicenseFace Face, string KeyId) Read(string canonical)
    {
        var root = JsonNode.Parse(canonical)!.AsObject();
        var holder = root["holder"]!.AsObject();
        var kind = (string?)holder["codeType"] == "111" ? HolderKind.Person : HolderKind.LegalPerson;
        var fields = root["fields"]!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal);
        var face = new LicenseFace(
            (string)root["identifier"]!, (string)root["licenseType"]!["code"]!, (string)root["licenseType"]!["name"]!, (string)root["number"]!,
            (string)root["issuer"]!["code"]!, (string)root["issuer"]!["name"]!, new Holder(kind, (string)holder["code"]!, (string)holder["name"]!),
            ParseDate((string)root["issuedOn"]!), root["validUntil"] is { } until ? ParseDate((string)until!) : null, fields, (string?)root["previous"]);
        return (face, (string)root["seal"]!["keyId"]!);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
