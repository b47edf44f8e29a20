using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.Rendering;
using Tongban.Licenses.Features.VerifyLicense;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.Admin;

/// <summary>
/// One license type: a version's definition in words (issuers and producing items by name), its template drawn with
/// sample data and as a sample PDF, its versions, and the review steps of <see cref="ManageTypes.ManageTypes"/>: submit,
/// then publish or return by another license administrator. A refused step is said on the page.
/// </summary>
[Authorize(Policy = Policies.LicenseAdministrator)]
internal sealed class TypeAdminModel(ManageTypes.ManageTypes manage, LicensesDbContext db, IOrganizationDirectory organization, IServiceItems items,
    LicensePdf pdf, RegionClock clock, IOptions<LicensesOptions> options) : PageModel
{
    public LicenseType Type { get; private set; } = null!;
    public LicenseTypeVersion Shown { get; private set; } = null!;
    public AdminNames Names { get; private set; } = null!;
    public IReadOnlyDictionary<string, string?> ItemNames { get; private set; } = new Dictionary<string, string?>();
    public LicenseFace Sample { get; private set; } = null!;

    [FromQuery(Name = "version")] public int? Version { get; set; }
    [BindProperty] public string? Opinion { get; set; }

    public async Task OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct);

    /// <summary>The shown version's template filled with sample data, as the PDF a license of it would be.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(string code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        var bytes = await pdf.PreviewAsync(Sample, Shown.Definition, $"{QrCodes.Origin(Request, options.Value)}/licenses/verify?id={Uri.EscapeDataString(Sample.Identifier)}", ct);
        return File(bytes, "application/pdf", $"preview-{Type.Code}-{Shown.Number}.pdf");
    }

    public Task<IActionResult> OnPostSubmitAsync(string code, CancellationToken ct) => ActAsync(code, () => manage.SubmitAsync(code, Actor.Of(User), ct), ct);

    public Task<IActionResult> OnPostPublishAsync(string code, CancellationToken ct) => ActAsync(code, () => manage.PublishAsync(code, Actor.Of(User), Opinion, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(string code, CancellationToken ct) => ActAsync(code, () => manage.ReturnAsync(code, Actor.Of(User), Opinion, ct), ct);

    /// <summary>Whether the signed-in administrator may publish or return the submitted version: not the one who submitted it.</summary>
    public bool MayReview => Type.Open is { State: VersionState.Submitted } open && open.SubmittedBy != Actor.Of(User);

    private async Task<IActionResult> ActAsync(string code, Func<Task<LicenseType>> act, CancellationToken ct)
    {
        try
        {
            await act();
            return Redirect($"/admin/licenses/types/{Uri.EscapeDataString(code)}");
        }
        catch (DomainException e) when (e.Kind is not ErrorKind.NotFound)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(error.Field == "opinion" ? nameof(Opinion) : "", error.Message);
            Response.StatusCode = DomainErrorMapping.StatusOf(e.Kind);
            db.ChangeTracker.Clear();
            await LoadAsync(code, ct);
            return Page();
        }
    }

    private async Task LoadAsync(string code, CancellationToken ct)
    {
        Type = await manage.FindAsync(code, ct);
        Shown = Type.Versions.FirstOrDefault(v => v.Number == Version) ?? Type.Open ?? Type.Published ?? Type.Versions[^1];
        Names = await AdminNames.LoadAsync(db, organization, ct);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var item in Shown.Definition.Items) names[item] = (await items.FindApplicableAsync(item, ct))?.Name;
        ItemNames = names;
        Sample = SampleFace.For(Type.Code, Shown.Definition, Names.Authority(Shown.Definition.IssuingAuthorities is [var first, ..] ? first : "").Zh, clock.Today);
    }
}
