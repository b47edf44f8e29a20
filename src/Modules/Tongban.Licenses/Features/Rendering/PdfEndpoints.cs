using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Licenses.Data;
using Tongban.Licenses.Features.ManageTypes;
using Tongban.Licenses.Features.ReadLicenses;
using Tongban.Licenses.Features.VerifyLicense;

namespace Tongban.Licenses.Features.Rendering;

/// <summary>
/// The PDF of a license for its holder (from the wallet) and for a license administrator of its issuing authority
/// (another authority's license is not found; the download is audited, as opening one is).
/// </summary>
internal static class PdfEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/my/licenses/{identifier}/pdf", async (string identifier, HttpContext http, Wallet.Wallet wallet, LicensePdf pdf,
                IOptions<LicensesOptions> options, CancellationToken ct) =>
            {
                var license = await wallet.OpenAsync(await wallet.HolderAsync(http.User, ct), identifier, ct);
                var bytes = await pdf.RenderAsync(license, await wallet.DefinitionAsync(license.License, ct), VerifyUrl(http.Request, options.Value, license), ct);
                return Results.File(bytes, "application/pdf", $"{license.License.Identifier}.pdf");
            })
            .RequireAuthorization().ExcludeFromDescription();
        endpoints.MapGet("/api/licenses/admin/licenses/{identifier}/pdf", async (string identifier, HttpContext http, LicenseReader reader, TypeDirectory types,
                LicensePdf pdf, LicensesDbContext db, TimeProvider time, IOptions<LicensesOptions> options, CancellationToken ct) =>
            {
                var officer = Officers.Of(http.User);
                var found = await reader.GetAsync(identifier, ct);
                if (officer.Authority is { } authority && authority != found.IssuerCode) throw LicenseReader.NotFound();
                var license = await reader.OpenAsync(found, ct);
                var bytes = await pdf.RenderAsync(license, await types.VersionAsync(found.TypeCode, found.TypeVersion, ct), VerifyUrl(http.Request, options.Value, license), ct);
                db.Audit(new AuditRecord(officer.Actor, "licenses.printed", $"license:{found.Identifier}", "证照管理 license administration (PDF)", time.GetUtcNow()));
                await db.SaveChangesAsync(ct);
                return Results.File(bytes, "application/pdf", $"{found.Identifier}.pdf");
            })
            .RequireAuthorization(Policies.LicenseAdministrator).WithTags("Licenses")
            .WithSummary("A license of the administrator's authority as PDF (its template, seal area, identifier and verification QR code); audited");
    }

    private static string VerifyUrl(HttpRequest request, LicensesOptions options, SealedLicense license) =>
        $"{QrCodes.Origin(request, options)}/licenses/verify?id={Uri.EscapeDataString(license.License.Identifier)}";
}
