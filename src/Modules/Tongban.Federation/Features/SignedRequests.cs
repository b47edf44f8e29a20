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
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Wire.Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(Upstream.Address!), path)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(Wire.CityHeader, City);
        request.Headers.Add(Wire.SignatureHeader, Convert.ToBase64String(Key.Sign(bytes)));
        if (idempotencyKey is not null) request.Headers.Add(Wire.IdempotencyHeader, idempotencyKey);
        using var client = http.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The province answered {(int)response.StatusCode}", null, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<TAnswer>(Wire.Json, cancellationToken)
            ?? throw new HttpRequestException("The province answered with an empty body.");
    }
}
