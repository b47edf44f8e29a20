using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Localization;
using Tongban.Kernel.Security;
using Tongban.Licenses.Domain;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.Admin;

/// <summary>
/// The license type form of <c>NewType</c> and <c>EditType</c>: a new type's first draft, or a new version of a type (or
/// a change of its open draft), through <see cref="ManageTypes.ManageTypes"/> with every check of the API, each fault
/// beside its input and nothing saved. "Save and submit" then submits it for another administrator's review; a version
/// under review cannot change (the domain refuses; the page says so). Rows are added by a plain submit button, and
/// the producing items are picked by name the same way: "search" shows the form again with what was typed and the
/// catalog's items found (<see cref="IServiceItemSearch"/>) as checkboxes, each with its materials to tick as replaced.
/// </summary>
[Authorize(Policy = Policies.LicenseAdministrator)]
internal sealed class TypeFormModel(ManageTypes.ManageTypes manage, IOrganizationDirectory organization, ManageTypes.TemplateBackgrounds backgrounds,
    IServiceItems items, IServiceItemSearch search) : PageModel
{
    public const int EmptyRows = 2;
    public const int SearchLimit = 20;
    public const int QueryLength = 50;

    /// <summary>A producing item as the picker shows it: by name when the catalog has it published, else its code with a note.</summary>
    public sealed record PickedItem(string Code, ApplicableItem? Item);

    /// <summary>The items ticked (<see cref="TypeEdit.ProducedBy"/>), by name.</summary>
    public IReadOnlyList<PickedItem> ChosenItems { get; private set; } = [];

    /// <summary>The items the search found; null when the form was not searched.</summary>
    public IReadOnlyList<ApplicableItem>? ItemResults { get; private set; }

    /// <summary>The type being changed; null on the new type page.</summary>
    public LicenseType? Type { get; private set; }

    /// <summary>The version the form starts from: the open one, else the latest.</summary>
    public LicenseTypeVersion? From { get; private set; }

    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];

    [BindProperty] public TypeEdit Input { get; set; } = new();

    public string Action => Type is null ? "/admin/licenses/types/new" : $"/admin/licenses/types/{Uri.EscapeDataString(Type.Code)}/edit";

    public async Task OnGetAsync(string? code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        Input = From is null ? new TypeEdit { Holder = HolderKind.Person, Validity = ValidityKind.OpenEnded } : TypeEdit.From(Type!.Code, From.Definition);
        Input.AddRows(EmptyRows);
        await DescribeItemsAsync(ct);
    }

    /// <summary>The form again with what was typed and the catalog items found by name or code; nothing is saved.</summary>
    public async Task<IActionResult> OnPostFindItemsAsync(string? code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        var text = Input.ItemQuery?.Trim() ?? "";
        if (text.Length == 0) return Page(); // Enter in another box: the form again, as typed
        if (text.Length > QueryLength)
            ModelState.AddModelError("Input.ItemQuery", Text.T($"请输入事项名称或实施编码的一部分（不超过{QueryLength}字）", $"Type part of an item's name or implementation code ({QueryLength} characters at most)"));
        else ItemResults = await search.SearchApplicableAsync(text, SearchLimit, ct);
        return Page();
    }

    /// <summary>A department's name in the page's language (the credit code never shows).</summary>
    public string DepartmentName(string creditCode) =>
        Departments.FirstOrDefault(d => d.CreditCode == creditCode) is { } d ? Text.T(d.Name, d.NameEn ?? d.Name) : Text.T("（未登记的部门）", "(a department not registered)");

    public Task<IActionResult> OnPostAsync(string? code, IFormFile? background, CancellationToken ct) => SaveAsync(code, background, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(string? code, IFormFile? background, CancellationToken ct) => SaveAsync(code, background, submit: true, ct);

    /// <summary>The form again with what was typed and more empty rows; nothing is saved.</summary>
    public async Task<IActionResult> OnPostAddRowsAsync(string? code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        Input.AddRows(EmptyRows);
        return Page();
    }

    /// <summary>
    /// Loads first, so that a refusal (the page filter turns it into messages on the inputs) shows the form again with
    /// what was typed; a background uploaded with a refused form is deleted, so nothing is left half-written.
    /// </summary>
    private async Task<IActionResult> SaveAsync(string? code, IFormFile? background, bool submit, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        var uploaded = await UploadAsync(background, ct);
        try
        {
            var form = Input.ToForm(Type?.Code ?? Input.Code ?? "", uploaded ?? KeptBackground());
            var type = Type is null ? await manage.CreateAsync(form, Actor.Of(User), ct) : await manage.DraftAsync(form, Actor.Of(User), ct);
            if (submit) await manage.SubmitAsync(type.Code, Actor.Of(User), ct);
            return Redirect($"/admin/licenses/types/{Uri.EscapeDataString(type.Code)}");
        }
        catch when (uploaded is not null)
        {
            await backgrounds.DeleteAsync(uploaded);
            throw;
        }
    }

    private string? KeptBackground() => Input.Template.Background == "keep" ? From?.Definition.Template?.Background : null;

    /// <summary>The uploaded background's file when the form asks for a new one: a PNG or JPEG, told by its content.</summary>
    private async Task<string?> UploadAsync(IFormFile? upload, CancellationToken ct) =>
        Input.Template.Standard || Input.Template.Background != "upload" ? null : await backgrounds.SaveAsync(upload, ct);

    private async Task LoadAsync(string? code, CancellationToken ct)
    {
        if (code is not null)
        {
            Type = await manage.FindAsync(code, ct);
            From = Type.Open ?? Type.Versions.MaxBy(v => v.Number)!;
        }
        Departments = [.. (await organization.ListDepartmentsAsync(null, ct)).OrderBy(d => d.Name, StringComparer.Ordinal)];
        await DescribeItemsAsync(ct);
    }

    /// <summary>The ticked items by name, in one query; a code the catalog has not published stays, named as such (saving refuses it).</summary>
    private async Task DescribeItemsAsync(CancellationToken ct)
    {
        var codes = Input.ItemCodes();
        var found = codes.Length == 0 ? new Dictionary<string, ApplicableItem>() : (await items.FindApplicableAsync(codes, ct)).ToDictionary(i => i.ImplementationCode, StringComparer.Ordinal);
        ChosenItems = [.. codes.Select(c => new PickedItem(c, found.GetValueOrDefault(c)))];
    }
}
