using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ChangeStatus;
using Tongban.Licenses.Features.ReadLicenses;

namespace Tongban.Licenses.Features.IssueLicenses;

/// <summary>A license issued by hand: the type, the issuer (default: the officer's department) and the input.</summary>
internal sealed record HandIssueInput(string? Type, string? Issuer, string? HolderCode, string? HolderName, string? Number,
    DateOnly? IssuedOn, DateOnly? ValidUntil, IReadOnlyDictionary<string, string?>? Fields);

internal sealed record ReasonInput(string? Reason);

internal sealed record IssuedAnswer(string Identifier, string StatusCode);

internal static class LicenseAdminEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(Policies.LicenseAdministrator);
        admin.MapPost("/issue", async (HandIssueInput input, ClaimsPrincipal user, IssueLicense issue, CancellationToken ct) =>
            {
                var officer = Officers.Of(user);
                var license = await issue.IssueAsync(input.Type ?? "", input.Issuer ?? officer.Authority ?? "",
                    new LicenseInput(input.HolderCode, input.HolderName, input.Number, input.IssuedOn, input.ValidUntil, input.Fields), officer, LicenseSource.Hand, null, ct);
                return TypedResults.Created($"/api/licenses/admin/licenses/{license.Identifier}", new IssuedAnswer(license.Identifier, LicenseStatusText.Code(license.Status)));
            })
            .WithSummary("Issue a license by hand, in the name of the administrator's department (an issuing authority of the type)");
        admin.MapGet("/licenses", async (string? type, string? status, int? page, ClaimsPrincipal user, AdminLicenses licenses, CancellationToken ct) =>
            TypedResults.Ok(await licenses.ListAsync(Officers.Of(user), new LicenseFilter(type, status), page ?? 1, ct)));
        admin.MapGet("/licenses/{identifier}", async (string identifier, ClaimsPrincipal user, AdminLicenses licenses, CancellationToken ct) =>
                TypedResults.Ok(await licenses.OpenAsync(identifier, Officers.Of(user), ct)))
            .WithSummary("One license of the administrator's authority (another authority's: 404); the read is audited");
        admin.MapPost("/licenses/{identifier}/renew", async (string identifier, RenewalInput input, ClaimsPrincipal user, RenewLicense renew, CancellationToken ct) =>
            {
                var next = await renew.RenewAsync(identifier, input, Officers.Of(user), ct);
                return TypedResults.Created($"/api/licenses/admin/licenses/{next.Identifier}", new IssuedAnswer(next.Identifier, LicenseStatusText.Code(next.Status)));
            })
            .WithSummary("Renew (延续) or change (变更): a new version replaces this one");
        admin.MapPost("/licenses/{identifier}/{action}", async (string identifier, string action, ReasonInput input, ClaimsPrincipal user, ChangeLicenseStatus change, CancellationToken ct) =>
            {
                var license = await change.ChangeAsync(identifier, action, input.Reason, Officers.Of(user), ct);
                return TypedResults.Ok(new IssuedAnswer(license.Identifier, LicenseStatusText.Code(license.Status)));
            })
            .WithSummary("suspend, restore, revoke, cancel or revoke-as-penalty, with a reason, by the issuing authority's administrator");
    }
}
