using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Localization;
using Tongban.Kernel.Security;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ImportHistory;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.Admin;

/// <summary>One rejected historical record: its reasons, every item editable, resubmit (every check again) or set aside with a reason.</summary>
[Authorize(Policy = Policies.LicenseAdministrator)]
internal sealed class CorrectionModel(Corrections corrections, LicensesDbContext db, IOrganizationDirectory organization) : PageModel
{
    public ImportRejection Rejection { get; private set; } = null!;
    public AdminNames Names { get; private set; } = null!;
    public string? Imported { get; private set; }

    [BindProperty] public Dictionary<string, string?> Record { get; set; } = [];
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Record = Rejection.Record.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
        return Page();
    }

    public Task<IActionResult> OnPostResubmitAsync(Guid id, CancellationToken ct) => ActAsync(id, async () =>
    {
        Imported = await corrections.ResubmitAsync(id, Record, Officers.Of(User), ct);
        if (Imported is null) ModelState.AddModelError("", Text.T("仍有问题，请按下列原因修改后再提交", "Still not right: correct what is listed below and resubmit"));
    }, ct);

    public Task<IActionResult> OnPostDismissAsync(Guid id, CancellationToken ct) => ActAsync(id, () => corrections.DismissAsync(id, Note, Officers.Of(User), ct), ct);

    /// <summary>The record's items in order: the fixed columns, then the type's fields, then anything else the line carried.</summary>
    public IEnumerable<(string Key, string Zh, string En)> Items()
    {
        string[] fixedColumns = [.. HistoryLines.Required, "valid_until"];
        var fields = Names.Types.GetValueOrDefault(Record.GetValueOrDefault("type_code")?.Trim().ToUpperInvariant() ?? "")?.Published?.Definition.Fields.Fields ?? [];
        foreach (var c in fixedColumns) yield return (c, HistoryChecks.Label(c).Zh, HistoryChecks.Label(c).En);
        foreach (var f in fields) yield return (f.Key, f.LabelZh, f.LabelEn);
        foreach (var other in Record.Keys.Except(fixedColumns).Except(fields.Select(f => f.Key))) yield return (other, other, other);
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> act, CancellationToken ct)
    {
        try
        {
            await act();
        }
        catch (DomainException e) when (e.Kind is not ErrorKind.NotFound)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(error.Field == "note" ? nameof(Note) : "", Text.T(error.Chinese, error.English));
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Rejection = await corrections.FindAsync(id, ct);
        if (Officers.Of(User).Authority is { } own && own != Rejection.IssuerCode) throw new DomainException(DomainError.NotFound("被拒绝的记录", "Rejected record"));
        Names = await AdminNames.LoadAsync(db, organization, ct);
    }
}
