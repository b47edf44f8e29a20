using System.Text.RegularExpressions;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Keys;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Directory;

/// <summary>
/// A member's node as the centre registered it: <c>{member}/{code}</c>, where it answers, the public key its messages
/// are verified with (until its expiry: a key is replaced by <see cref="ReplaceKey"/> before then) and the TLS certificate
/// fingerprint peers pin (instead of trusting a certificate authority); and what the node last told the centre in a
/// signed report (<see cref="Seen"/>).
/// </summary>
internal sealed partial class DirectoryNode
{
    private DirectoryNode() { }

    public string Id { get; private set; } = "";
    public string Member { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string PublicKeyPem { get; private set; } = "";
    public string KeyId { get; private set; } = "";
    public string TlsFingerprint { get; private set; } = "";
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset KeyExpiresAt { get; private set; }
    public DateTimeOffset? TlsExpiresAt { get; private set; }
    public DateTimeOffset? LastSeenAt { get; private set; }
    public string? SoftwareVersion { get; private set; }
    public long? ConfigurationVersion { get; private set; }

    /// <summary>The problem codes of the node's last report (<see cref="Contracts.NodeReport.Problems"/>); empty when it said it was well.</summary>
    public List<string> ReportedProblems { get; private set; } = [];

    /// <summary>Every rule of a registration checked at once, so the operator fixes them together.</summary>
    public static DirectoryNode Register(NodeRegistration r, TimeSpan keyLifetime, DateTimeOffset at)
    {
        var (member, code, address, publicKeyPem, tlsFingerprint) = (r.Member, r.Code, r.Address, r.PublicKeyPem, r.TlsFingerprint);
        var errors = new List<DomainError>();
        if (!CreditCode.TryParse(member, out var credit, out var memberError)) errors.Add(memberError!.At("member"));
        code = code.Trim();
        if (!CodePattern().IsMatch(code)) errors.Add(NodeErrors.BadNodeCode);
        if (!IsNodeAddress(address)) errors.Add(NodeErrors.BadAddress);
        var key = ReadKey(publicKeyPem);
        if (key is null) errors.Add(NodeErrors.BadPublicKey);
        var fingerprint = tlsFingerprint.Replace(":", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
        if (!FingerprintPattern().IsMatch(fingerprint)) errors.Add(NodeErrors.BadFingerprint);
        if (errors.Count > 0) throw new DomainException(errors);
        return new DirectoryNode
        {
            Id = $"{credit!.Value}/{code}", Member = credit.Value.Value, Code = code, Address = address.Trim().TrimEnd('/'),
            PublicKeyPem = key!.Pem, KeyId = key.KeyId, TlsFingerprint = fingerprint, RegisteredAt = at, KeyExpiresAt = at + keyLifetime,
            TlsExpiresAt = r.TlsExpiresAt,
        };
    }

    /// <summary>The node's new key (<c>tongban node update-key</c>): the next configuration carries it, and messages signed with the old one are refused.</summary>
    public void ReplaceKey(string publicKeyPem, TimeSpan keyLifetime, DateTimeOffset at)
    {
        var key = ReadKey(publicKeyPem) ?? throw new DomainException(NodeErrors.BadPublicKey);
        if (key.KeyId == KeyId) throw new DomainException(NodeErrors.SameKey);
        (PublicKeyPem, KeyId, KeyExpiresAt) = (key.Pem, key.KeyId, at + keyLifetime);
    }

    /// <summary>A signed report came from the node: it is up, runs this version and holds this configuration.</summary>
    public void Seen(DateTimeOffset at, string softwareVersion, long? configurationVersion, IReadOnlyList<string>? problems) =>
        (LastSeenAt, SoftwareVersion, ConfigurationVersion, ReportedProblems) = (at, softwareVersion.Length > 40 ? softwareVersion[..40] : softwareVersion, configurationVersion,
            [.. (problems ?? []).Where(p => p is { Length: > 0 and <= 40 }).Distinct(StringComparer.Ordinal).Take(10)]);

    /// <summary>https anywhere; plain http only to a loopback host (tests and development, ADR 0014).</summary>
    public static bool IsNodeAddress(string address) =>
        Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Query)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    // Node keys are SM2 or P-256 (ADR 0014); Ed25519 is the kernel's checkpoint default, not a node's.
    private static PublicSigningKey? ReadKey(string pem)
    {
        try
        {
            var key = PublicSigningKey.FromPem(pem);
            return key.Algorithm is SignatureSchemes.Sm2 or SignatureSchemes.P256 ? key : null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex FingerprintPattern();
}
