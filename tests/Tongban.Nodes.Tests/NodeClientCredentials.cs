using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tongban.Testing;

namespace Tongban.Nodes.Tests;

/// <summary>
/// A member's system as it talks to its node: it asks the node's token endpoint for an access token with its client
/// credentials (OAuth2 client credentials, the secret in HTTP Basic), once, and sends it as a bearer token on every call.
/// </summary>
public sealed class NodeClientCredentials(Func<HttpClient> tokenClient, string clientId, string secret) : DelegatingHandler
{
    private string? _token;

    /// <summary>A client of <paramref name="node"/> (in-process) that authenticates as <paramref name="clientId"/>.</summary>
    public static HttpClient For(TongbanApp node, string clientId, string secret) =>
        node.CreateDefaultClient(new NodeClientCredentials(node.CreateClient, clientId, secret));

    /// <summary>A client of a node running as its own process at <paramref name="address"/>.</summary>
    public static HttpClient For(Uri address, string clientId, string secret) =>
        new(new NodeClientCredentials(() => new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) }, clientId, secret) { InnerHandler = new HttpClientHandler() })
        { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The token endpoint's answer to these credentials: the status and the JSON body.</summary>
    public static async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> AskAsync(HttpClient node, string clientId, string secret, string grant = "client_credentials")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/node/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", grant)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var response = await node.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_token is null)
        {
            using var node = tokenClient();
            var (status, body) = await AskAsync(node, clientId, secret);
            if (status != System.Net.HttpStatusCode.OK) throw new InvalidOperationException($"The node refused the client credentials of {clientId}: {body}");
            _token = body.GetProperty("access_token").GetString();
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return await base.SendAsync(request, cancellationToken);
    }
}
