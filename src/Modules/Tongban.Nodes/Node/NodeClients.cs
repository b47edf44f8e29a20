using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Tongban.Nodes.Node;

/// <summary><c>Nodes:Clients:{i}</c>: a department system allowed to call its node, with the SHA-256 (hex) of its secret.</summary>
internal sealed class NodeClientOptions
{
    public string Id { get; set; } = "";
    public string SecretSha256 { get; set; } = "";
}

/// <summary>
/// The node's client authentication for this stage: HTTP Basic against <c>Nodes:Clients</c>, compared in fixed time
/// over the secret's SHA-256. ADR 0014's OAuth2 client-credentials server on the node replaces it; the rest of the call
/// does not change, since it asks only "which client".
/// </summary>
internal sealed class NodeClients(IOptions<NodesOptions> options)
{
    public string? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal)) return null;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        var (id, secret) = (decoded[..colon], decoded[(colon + 1)..]);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        var client = options.Value.Clients.FirstOrDefault(c => c.Id == id);
        var expected = client is null ? new byte[32] : Convert.FromHexString(client.SecretSha256);
        return CryptographicOperations.FixedTimeEquals(digest, expected) && client is not null ? client.Id : null;
    }
}
