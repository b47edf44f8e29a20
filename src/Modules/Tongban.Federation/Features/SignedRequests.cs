using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Keys;

namespace Tongban.Federation.Features;

/// <summary>
/// The city's side of the wire: a JSON body signed with the city's key from the key directory (the kernel's
/// <see cref="SigningKeys"/>, as the audit checkpoints sign), posted to the province with the city's code beside it.
/// </summary>
internal sealed class SignedRequests(IHttpClientFactory http, SigningKeys keys, IOptions<FederationOptions> options)
{
    public const string HttpClientName = "federation";

    private UpstreamOptions Upstream => options.Value.Upstream;

    public string City => options.Value.IsCity && Upstream.CityCode is { } code && Upstream.Address is not null ? code
        : throw new DomainException(new DomainError("federation.not_city", "本平台未配置为向省级平台上报的市级平台", "This platform is not configured as a city that pushes to a province", ErrorKind.Conflict));

    public PublicSigningKey PublicKey => Key.Public;

    private SigningKey Key => keys.GetOrCreate(Upstream.KeyName, Upstream.Algorithm);

    public async Task<TAnswer> PostAsync<TAnswer>(string path, object body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, body, idempotencyKey, cancellationToken);
        return await response.Content.ReadFromJsonAsync<TAnswer>(Wire.Json, cancellationToken)
            ?? throw new HttpRequestException("The province answered with an empty body.");
    }

    /// <summary>Posts a signed question and returns the answer's bytes as they came, with the province's signature over them.</summary>
    public async Task<(byte[] Body, string Signature)> PostForSignedAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, body, null, cancellationToken);
        var signature = response.Headers.TryGetValues(Wire.SignatureHeader, out var values) ? values.FirstOrDefault() ?? "" : "";
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken), signature);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, object body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Wire.Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(Upstream.Address!), path)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(Wire.CityHeader, City);
        request.Headers.Add(Wire.SignatureHeader, Convert.ToBase64String(Key.Sign(bytes)));
        if (idempotencyKey is not null) request.Headers.Add(Wire.IdempotencyHeader, idempotencyKey);
        using var client = http.CreateClient(HttpClientName);
        var response = await client.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode) return response;
        response.Dispose();
        throw new HttpRequestException($"The province answered {(int)response.StatusCode}", null, response.StatusCode);
    }
}
