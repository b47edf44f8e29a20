using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;
using Tongban.Nodes.Node;
using Tongban.Registries.Contracts;

namespace Tongban.Nodes.Directory;

/// <summary>
/// The platform's reads of departments' own systems (registries' <see cref="IDepartmentSystems"/>): the directory names the
/// service that offers the resource, and the platform calls it through its own node (<c>Nodes:Platform</c>) as any member's
/// system calls its node — <c>POST /node/services/{provider}/{service}</c> with the subject in the body and the end user in
/// <c>X-On-Behalf-Of</c>. The nodes sign, check the right, log and reach the department; what comes back is only the granted
/// items, or a refusal with its reason in both languages.
/// </summary>
internal sealed class DepartmentSystems(NodesDbContext db, IHttpClientFactory http, PlatformNodeToken token, IOptions<NodesOptions> options) : IDepartmentSystems
{
    public const string HttpClientName = "tongban-platform-node";

    public async Task<IReadOnlyDictionary<string, string?>?> ReadAsync(DepartmentRead read, CancellationToken cancellationToken)
    {
        var node = options.Value.Platform;
        if (string.IsNullOrWhiteSpace(node.NodeAddress)) throw Unavailable("node.platform_not_connected", "本平台尚未接入部门数据", "this platform is not connected to departments' data yet");
        var resource = read.Resource.Trim().ToUpperInvariant();
        var service = await db.Services.AsNoTracking().Where(s => s.Resource == resource).OrderBy(s => s.Provider).ThenBy(s => s.Code).FirstOrDefaultAsync(cancellationToken)
            ?? throw Unavailable("node.no_service", "提供部门尚未接入该数据", "the providing department has not connected this data yet");

        var client = http.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            var bearer = await token.GetAsync(client, cancellationToken);
            response = await SendAsync(client, node, service, read, bearer, cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized && bearer is not null)
            {
                // A token the node no longer takes (it restarted with another key ring, say): ask for a new one, once.
                response.Dispose();
                token.Forget();
                response = await SendAsync(client, node, service, read, await token.GetAsync(client, cancellationToken), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Unavailable("node.platform_node_unreachable", "无法连接本平台的前置机", "the platform's node could not be reached");
        }
        using (response)
        {
            var answer = SignedDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (response.IsSuccessStatusCode && answer?["items"] is JsonObject items)
                return read.Items.ToDictionary(i => i, i => Text(items[i]), StringComparer.Ordinal);
            if (RefusalReasons.CodeOf(answer) == CallRefusals.NotFound.Error.Code) return null;
            // The node's reason is ours (its code and both languages), never the department system's page.
            throw RefusalReasons.Of(answer) is { } reason
                ? new DomainException(reason with { Kind = ErrorKind.Conflict })
                : Unavailable("node.platform_node_bad_answer", "本平台的前置机应答无法使用", "the platform's node gave an answer that could not be used");
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, PlatformNodeOptions node, DirectoryService service, DepartmentRead read, string? bearer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{node.NodeAddress.TrimEnd('/')}/node/services/{service.Provider}/{Uri.EscapeDataString(service.Code)}"))
        {
            Content = JsonContent.Create(new { key = read.SubjectKey, items = read.Items, purpose = read.Purpose }, options: SignedDocument.Json),
        };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        request.Headers.Add("X-On-Behalf-Of", read.OnBehalfOf);
        return await client.SendAsync(request, cancellationToken);
    }

    /// <summary>An item's value as words or digits: a string as it is, a number in invariant digits, yes/no, a list joined; null when none.</summary>
    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "是" : "否",
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        JsonArray a => string.Join("；", a.Select(Text).Where(t => t is { Length: > 0 })),
        _ => value.ToJsonString(),
    };

    private static DomainException Unavailable(string code, string chinese, string english) => new(new DomainError(code, chinese, english, ErrorKind.Conflict));
}
