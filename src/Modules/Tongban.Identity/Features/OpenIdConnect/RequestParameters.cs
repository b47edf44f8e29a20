using Microsoft.AspNetCore.Http;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>An OpenID Connect request's parameters as they came — in the query (GET) or the form (POST) — to carry through a page of ours.</summary>
internal static class RequestParameters
{
    private static readonly HashSet<string> Ours = ["__RequestVerificationToken", "handler"];

    public static IEnumerable<KeyValuePair<string, string>> Of(HttpRequest request) =>
        (request.HasFormContentType ? request.Form.AsEnumerable() : request.Query.AsEnumerable())
        .Where(p => !Ours.Contains(p.Key))
        .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")));
}
