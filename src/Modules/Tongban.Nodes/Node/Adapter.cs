using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Node;

/// <summary>
/// Calls the department's own system for a service (<see cref="AdapterOptions"/>): a time-out, a size limit, JSON or
/// nothing. Its error pages and raw payloads never travel: what goes back is the mapped items, or a reason code.
/// </summary>
internal sealed class Adapter(IHttpClientFactory http, IOptions<NodesOptions> options)
{
    public const string HttpClientName = "tongban-adapter";

    public async Task<JsonObject> CallAsync(string service, ServiceRequest request, CancellationToken cancellationToken)
    {
        if (!options.Value.Adapters.TryGetValue(service, out var adapter)) throw CallRefusals.UnknownService;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(adapter.Timeout);
        var answer = await FetchAsync(adapter, request.Key, timeout.Token, cancellationToken);
        var items = new JsonObject();
        foreach (var item in request.Items.Where(adapter.Items.ContainsKey))
            items[item] = Select(answer, adapter.Items[item])?.DeepClone();
        return items;
    }

    private async Task<JsonNode> FetchAsync(AdapterOptions adapter, string key, CancellationToken timeout, CancellationToken caller)
    {
        try
        {
            var client = http.CreateClient(HttpClientName);
            using var response = await client.PostAsJsonAsync(new Uri(adapter.BaseAddress.TrimEnd('/') + adapter.Path), new { key }, timeout);
            if (response.StatusCode == HttpStatusCode.NotFound) throw CallRefusals.NotFound;
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > adapter.MaxBytes) throw CallRefusals.ProviderBadAnswer;
            await using var stream = await response.Content.ReadAsStreamAsync(timeout);
            return await BoundedRead.ParseAsync(stream, adapter.MaxBytes, body => JsonNode.Parse(body.Span), () => CallRefusals.ProviderBadAnswer, timeout)
                ?? throw CallRefusals.ProviderBadAnswer;
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            throw CallRefusals.ProviderTimeout;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            throw CallRefusals.ProviderBadAnswer;
        }
    }

    private static JsonNode? Select(JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.')) current = current is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        return current;
    }
}
