using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Security;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ManageTypes;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.Admin;

/// <summary>What the edit page changes of a type's definition; fields, template and issue mapping are carried over from the version it starts from.</summary>
internal sealed class TypeEdit
{
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public string? DefiningDepartment { get; set; }
    public List<string> Issuers { get; set; } = [];
    public HolderKind? Holder { get; set; }
    public ValidityKind? Validity { get; set; }
    public int? Years { get; set; }
    public string? ProducedBy { get; set; }
    public string? Replaces { get; set; }

    public static TypeEdit From(TypeDefinition d) => new()
    {
        Name = d.Name, NameEn = d.NameEn, DefiningDepartment = d.DefiningDepartment, Issuers = [.. d.IssuingAuthorities], Holder = d.Holder,
        Validity = d.Validity.Kind, Years = d.Validity.Years, ProducedBy = string.Join('\n', d.Items), Replaces = string.Join('\n', d.Materials),
    };

    public TypeForm ToForm(string code, TypeDefinition from) => new(code, Name, NameEn, DefiningDepartment, Issuers, Holder,
        new ValidityRule(Validity ?? 0, Validity == ValidityKind.FixedYears ? Years : null), from.Fields.Fields, from.Template, Lines(ProducedBy), Lines(Replaces), from.Issue);

    private static string[] Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Drafting a new version of a license type (or changing the open draft) through <see cref="ManageTypes.ManageTypes.DraftAsync"/>,
/// the same checks as the API; "save and submit" then submits it for another administrator's review. A version under
/// review cannot change (the domain refuses; the page says so).
/// </summary>
[Authorize(Policy = Policies.LicenseAdministrator)]
internal sealed class EditTypeModel(ManageTypes.ManageTypes manage, IOrganizationDirectory organization) : PageModel
{
    public LicenseType Type { get; private set; } = null!;
    public LicenseTypeVersion From { get; private set; } = null!;
    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];

    [BindProperty] public TypeEdit Input { get; set; } = new();

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        Input = TypeEdit.From(From.Definition);
    }

    public Task<IActionResult> OnPostAsync(string code, CancellationToken ct) => SaveAsync(code, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(string code, CancellationToken ct) => SaveAsync(code, submit: true, ct);

    /// <summary>Loads first, so that a refusal (the page filter turns it into messages on the fields) shows the form again with what was typed.</summary>
    private async Task<IActionResult> SaveAsync(string code, bool submit, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        if (!ModelState.IsValid) return Page();
        await manage.DraftAsync(Input.ToForm(Type.Code, From.Definition), Actor.Of(User), ct);
        if (submit) await manage.SubmitAsync(Type.Code, Actor.Of(User), ct);
        return Redirect($"/admin/licenses/types/{Uri.EscapeDataString(Type.Code)}");
    }

    private async Task LoadAsync(string code, CancellationToken ct)
    {
        Type = await manage.FindAsync(code, ct);
        From = Type.Open ?? Type.Versions.MaxBy(v => v.Number)!;
        Departments = [.. (await organization.ListDepartmentsAsync(null, ct)).OrderBy(d => d.Name, StringComparer.Ordinal)];
    }
}
