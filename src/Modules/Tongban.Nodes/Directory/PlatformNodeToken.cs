using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Tongban.Nodes.Directory;

/// <summary>
/// The platform's access token at its own node (<c>Nodes:Platform</c>), asked for with its client credentials at the
/// node's token endpoint and kept until a minute before it ends, so a read of a department's system costs no token
/// request of its own. <see cref="Forget"/> drops it when the node no longer takes it (a node restarted with a new key ring).
/// </summary>
internal sealed class PlatformNodeToken(TimeProvider clock, IOptions<NodesOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Value, DateTimeOffset Until)? _token;

    /// <summary>The token, or null when the node refused the credentials.</summary>
    public async Task<string?> GetAsync(HttpClient http, CancellationToken cancellationToken)
    {
        if (_token is { } held && held.Until > clock.GetUtcNow()) return held.Value;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } again && again.Until > clock.GetUtcNow()) return again.Value;
            var node = options.Value.Platform;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{node.NodeAddress.TrimEnd('/')}/node/token"))
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{node.ClientId}:{node.ClientSecret}")));
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) return null;
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } value) return null;
            var lifetime = body.TryGetProperty("expires_in", out var seconds) && seconds.TryGetInt32(out var s) ? TimeSpan.FromSeconds(s) : TimeSpan.FromMinutes(5);
            _token = (value, clock.GetUtcNow() + lifetime - TimeSpan.FromMinutes(1));
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Forget() => _token = null;

    public void Dispose() => _gate.Dispose();
}
