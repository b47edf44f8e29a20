using System.Net.Http.Json;
using System.Text.Json;

namespace Tongban.Applications.Tests;

/// <summary>The API calls the tests make, named as the steps they are.</summary>
internal static class Http
{
    /// <summary>A fresh draft of <paramref name="item"/>; with its one required non-tolerable material (id-card) uploaded unless told otherwise.</summary>
    public static async Task<Guid> StartDraftAsync(this HttpClient client, string item, bool withIdCard = true)
    {
        var draft = (await (await client.PostAsJsonAsync("/api/applications/drafts", new { itemCode = item })).JsonAsync()).GetProperty("id").GetGuid();
        if (withIdCard) await (await client.UploadAsync(draft, "id-card", Files.Pdf)).JsonAsync();
        return draft;
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid draft, string key, byte[] content, string name = "scan.pdf")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return client.PostAsync($"/api/applications/drafts/{draft}/materials/{key}", form);
    }

    /// <summary>A file for a material the case awaits (named in a correction notice, or deferred).</summary>
    public static Task<HttpResponseMessage> UploadToCaseAsync(this HttpClient client, string number, string key, byte[] content, string name = "scan.pdf")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return client.PostAsync($"/api/applications/my/cases/{number}/materials/{key}", form);
    }

    public static Task<HttpResponseMessage> SubmitDraftAsync(this HttpClient client, Guid draft, object? input = null) =>
        client.PostAsJsonAsync($"/api/applications/drafts/{draft}/submit", input ?? new { form = TestCatalog.ValidForm });

    /// <summary>A fresh case of <paramref name="item"/>, submitted online: its number.</summary>
    public static async Task<string> ApplyAsync(this HttpClient client, string item = TestCatalog.Simple, object? input = null) =>
        (await (await client.SubmitDraftAsync(await client.StartDraftAsync(item), input)).JsonAsync()).GetProperty("number").GetString()!;

    public static Task<HttpResponseMessage> ActAsync(this HttpClient staff, string number, string action, object? body = null) =>
        staff.PostAsJsonAsync($"/api/applications/cases/{number}/{action}", body ?? new { });

    /// <summary>The first page of my cases (<c>GET /my/cases</c>): the array of rows.</summary>
    public static async Task<JsonElement> MyCasesAsync(this HttpClient citizen) =>
        (await (await citizen.GetAsync("/api/applications/my/cases")).JsonAsync()).GetProperty("cases");

    public static async Task<JsonElement> CaseAsync(this HttpClient staff, string number) =>
        await (await staff.GetAsync($"/api/applications/cases/{number}")).JsonAsync();
}
