using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Licenses.Domain;
using Tongban.Sharing.Contracts;

namespace Tongban.Licenses.Features.VerifyLicense;

/// <summary>A department system's check: the identifier, why (用证事由), and for data the holder's code it already knows.</summary>
internal sealed record VerifyInput(string? Identifier, string? Purpose, string? HolderCode, bool WithData);

internal sealed record VerifyAnswer(string Identifier, bool Valid, string Verdict, string? StatusCode, string StatusZh, string StatusEn, bool SignatureValid,
    string? TypeCode, string? TypeName, string? IssuerCode, string? IssuerName, DateOnly? IssuedOn, DateOnly? ValidUntil, string? HolderName,
    IReadOnlyDictionary<string, object?>? Data);

internal static class VerifyEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/verify", VerifyAsync)
            .RequireAuthorization(Policies.ExchangeClient)
            .DisableAntiforgery()
            .WithSummary("Verify a license (seal and status) for a department system; with withData, a sharing grant and the holder's code, its data too. Every call is in the license's use log.");

    private static async Task<IResult> VerifyAsync(VerifyInput input, ClaimsPrincipal user, VerifyLicense verify, IDataGrants grants, IOptions<LicensesOptions> options, CancellationToken ct)
    {
        var purpose = input.Purpose?.Trim() ?? "";
        if (purpose.Length is 0 or > 200)
            throw new DomainException(new DomainError("license.purpose_required", "请说明用证事由（不超过200字）", "State the purpose of the use (200 characters at most)", ErrorKind.BadRequest, "purpose"));
        LicenseIdentifier.Parse(input.Identifier);
        var (client, department) = (user.FindFirstValue(ClientClaims.ClientId)!, user.FindFirstValue(ClientClaims.Department));
        IReadOnlyList<string>? granted = null;
        if (input.WithData)
        {
            if (string.IsNullOrWhiteSpace(input.HolderCode))
                throw new DomainException(new DomainError("license.holder_required", "调取证照数据须提供持证主体代码", "Give the holder's code to read the license's data", ErrorKind.BadRequest, "holderCode"));
            var grant = await grants.FindGrantAsync(department ?? "", options.Value.SharingResource, ct);
            if (grant.Status != GrantStatus.Active)
                throw new DomainException(new DomainError("license.no_grant", "本部门没有电子证照信息的有效共享授权，只能核验真伪和状态",
                    "Your department holds no grant for license data; you may verify seal and status only", ErrorKind.Forbidden, "withData"));
            granted = grant.Fields;
        }
        var result = await verify.CheckAsync(input.Identifier!, null, new UseContext(UseKind.Verified, $"client:{client}", department, purpose), ct);
        if (result.License is not { } license
            || (input.WithData && !string.Equals(license.HolderCode, input.HolderCode!.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw new DomainException(DomainError.NotFound("该电子证照", "The license") with { Field = "identifier" });
        var face = license.Face;
        var (zh, en) = result.Label;
        return TypedResults.Ok(new VerifyAnswer(license.Identifier, result.IsValid, result.Verdict.ToString(),
            face is null ? null : LicenseStatusText.Code(license.Status), zh, en, license.SignatureValid, face?.TypeCode, face?.TypeName, face?.IssuerCode,
            face?.IssuerName, face?.IssuedOn, face?.ValidUntil, face?.Holder.MaskedName, granted is null || face is null ? null : Data(face, license.Status, granted)));
    }

    /// <summary>The granted items of the license's data (the sharing resource's item names).</summary>
    private static Dictionary<string, object?> Data(LicenseFace face, LicenseStatus status, IReadOnlyList<string> granted)
    {
        var all = new Dictionary<string, object?>
        {
            ["identifier"] = face.Identifier, ["typeCode"] = face.TypeCode, ["typeName"] = face.TypeName, ["number"] = face.Number,
            ["holderName"] = face.Holder.Name, ["holderCode"] = face.Holder.Code, ["issuer"] = face.IssuerName, ["issuedOn"] = face.IssuedOn,
            ["validUntil"] = face.ValidUntil, ["status"] = LicenseStatusText.Code(status), ["fields"] = face.Fields,
        };
        return all.Where(p => granted.Contains(p.Key, StringComparer.Ordinal)).ToDictionary(p => p.Key, p => p.Value);
    }
}
