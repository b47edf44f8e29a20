using System.Text.RegularExpressions;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;

namespace Tongban.Identity.Domain;

/// <summary>What an administrator registers for a client of the OpenID Connect provider.</summary>
internal sealed record ClientRegistration(
    string ClientId, string DisplayName, bool Confidential, IReadOnlyList<string> RedirectUris, IReadOnlyList<string> PostLogoutRedirectUris,
    bool AuthorizationCode, bool ClientCredentials, IReadOnlyList<string> Scopes, string? Department);

/// <summary>The rules of a client registration; every broken one is reported against its field.</summary>
internal static partial class ClientRules
{
    public static ClientRegistration Check(ClientRegistration input)
    {
        var errors = new List<DomainError>();
        var id = input.ClientId.Trim();
        if (!ClientIdPattern().IsMatch(id))
            errors.Add(new("client.id", "客户端标识须为3至64位小写字母、数字、点、连字符或下划线", "The client id must be 3 to 64 lower-case letters, digits, dots, hyphens or underscores", Field: "ClientId"));
        if (string.IsNullOrWhiteSpace(input.DisplayName) || input.DisplayName.Trim().Length > 100)
            errors.Add(new("client.name", "请填写名称（不超过100字）", "Give a name (at most 100 characters)", Field: "DisplayName"));
        if (!input.AuthorizationCode && !input.ClientCredentials)
            errors.Add(new("client.grant", "请至少选择一种授权方式", "Choose at least one grant type", Field: "AuthorizationCode"));
        if (input.AuthorizationCode && input.RedirectUris.Count == 0)
            errors.Add(new("client.redirect_missing", "授权码方式须登记至少一个回调地址", "The authorization code flow needs at least one redirect URI", Field: "RedirectUris"));
        errors.AddRange(input.RedirectUris.Select(u => CheckUri(u, "RedirectUris")).OfType<DomainError>());
        errors.AddRange(input.PostLogoutRedirectUris.Select(u => CheckUri(u, "PostLogoutRedirectUris")).OfType<DomainError>());
        string? department = null;
        if (input.ClientCredentials)
        {
            if (!input.Confidential)
                errors.Add(new("client.public_system", "公开客户端没有密钥，不能以系统身份取得令牌", "A public client has no secret, so it cannot use client credentials", Field: "Confidential"));
            if (!CreditCode.TryParse(input.Department, out var code, out var error))
                errors.Add(error!.At("Department"));
            else department = code.Value.Value;
        }
        if (errors.Count > 0) throw new DomainException(errors);
        return input with { ClientId = id, DisplayName = input.DisplayName.Trim(), Department = department };
    }

    /// <summary>Absolute, without a fragment; HTTPS, or plain HTTP only to this machine (RFC 8252 §7.3).</summary>
    private static DomainError? CheckUri(string value, string field)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0 || uri.Scheme is not ("https" or "http"))
            return new("client.uri", $"地址无效：{value}", $"Not a valid address: {value}", Field: field);
        if (uri.Scheme == "http" && !uri.IsLoopback)
            return new("client.http", $"除本机（localhost）外须使用 https：{value}", $"Use https except on this machine (localhost): {value}", Field: field);
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex ClientIdPattern();
}
