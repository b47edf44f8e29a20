using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Node;

/// <summary>
/// TLS between nodes (ADR 0014): peers pin the SHA-256 fingerprint of a node's TLS certificate that the signed
/// configuration lists, instead of trusting a certificate authority. The node-to-node client (calls and pushes) accepts a
/// server certificate only when its fingerprint is the one listed for the node at that address (scheme, host and port);
/// an address no node in the held configuration has is refused, and so is a certificate a CA would accept but the pin
/// does not — the pin is what counts. Plain http only to a loopback address and only with
/// <c>Nodes:AllowPlainHttpOnLoopback</c> (tests and development, <see cref="PlainHttpGuard"/>).
/// </summary>
internal sealed class NodeTransport(ConfigurationStore store)
{
    /// <summary>The node-to-node client's primary handler: TLS checked against the pin, never the machine's CA store.</summary>
    public HttpMessageHandler PrimaryHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (request, certificate, _, _) => request.RequestUri is { } target && Accepts(target, certificate, store.Loaded),
    };

    /// <summary>Whether <paramref name="certificate"/> is the one the configuration pins for the node at <paramref name="target"/>.</summary>
    public static bool Accepts(Uri target, X509Certificate2? certificate, NodeConfiguration? configuration)
    {
        if (certificate is null || configuration is null || target.Scheme != Uri.UriSchemeHttps) return false;
        var presented = certificate.GetCertHash(HashAlgorithmName.SHA256);
        return configuration.Nodes.Where(n => SameEndpoint(n.Address, target)).Any(n =>
            n.TlsFingerprint.Replace(":", "", StringComparison.Ordinal).Trim() is { Length: 64 } pin && pin.All(Uri.IsHexDigit)
            && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(pin), presented));
    }

    private static bool SameEndpoint(string address, Uri target) =>
        Uri.TryCreate(address, UriKind.Absolute, out var listed) && listed.Scheme == target.Scheme && listed.Port == target.Port
        && string.Equals(listed.IdnHost, target.IdnHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>A request the transport refused: a certificate that is not the pinned one, or plain http where it is not allowed.</summary>
    public static bool IsTlsRefusal(HttpRequestException exception) => exception is PlainHttpRefused || exception.InnerException is AuthenticationException;
}

/// <summary>Refuses plain http to another node, except to a loopback address with <c>Nodes:AllowPlainHttpOnLoopback</c>.</summary>
internal sealed class PlainHttpGuard(IOptions<NodesOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri is { } target && target.Scheme == Uri.UriSchemeHttps
        || (request.RequestUri is { Scheme: "http", IsLoopback: true } && options.Value.AllowPlainHttpOnLoopback)
            ? base.SendAsync(request, cancellationToken)
            : throw new PlainHttpRefused(request.RequestUri);
}

internal sealed class PlainHttpRefused(Uri? target) : HttpRequestException($"Plain http to {target?.Host} is refused: nodes talk https (http only on loopback with Nodes:AllowPlainHttpOnLoopback)");
