using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Localization;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageDivisions;

/// <summary>Browse divisions level by level, add one, or import a CSV file of them.</summary>
[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class DivisionsModel(OrganizationDbContext db, EditDivisions edit, ImportDivisions import) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Parent { get; set; }

    [BindProperty]
    public AddInput Input { get; set; } = new();

    public IReadOnlyList<Division> Children { get; private set; } = [];
    public IReadOnlyList<Division> Trail { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public sealed class AddInput
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public DivisionLevel? Level { get; set; }
        [DataType(DataType.Date)]
        public DateOnly? ValidFrom { get; set; }
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var division = await edit.AddAsync(new DivisionInput(Input.Code, Input.Name, Input.Level, Input.ValidFrom, null), Actor.Of(User), ct);
        Message = Text.T($"已添加{division.Name}（{division.Code}）", $"Added {division.Name} ({division.Code})");
        return RedirectToPage(new { parent = division.ParentCode });
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? upload, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (upload is null || upload.Length == 0)
            throw new DomainException(new DomainError("import.file_required", "请选择要导入的CSV文件", "Choose a CSV file to import", Field: "upload"));
        using var reader = new StreamReader(upload.OpenReadStream());
        var count = await import.RunAsync(reader, Path.GetFileName(upload.FileName), Actor.Of(User), ct);
        Message = Text.T($"已导入{count}个行政区划", $"Imported {count} divisions");
        return RedirectToPage(new { parent = Parent });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var parent = Parent is not null && DivisionCode.TryParse(Parent, out var code, out _) ? code.Value.Value : null;
        Children = await db.Divisions.AsNoTracking().Where(d => d.ParentCode == parent).OrderBy(d => d.Code).ToListAsync(ct);
        if (Children.Count == 0 && parent is null)
            Children = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.Province || d.ParentCode == null).OrderBy(d => d.Code).ToListAsync(ct);
        var trail = new List<Division>();
        for (var c = parent; c is not null;)
        {
            var d = await db.Divisions.AsNoTracking().SingleOrDefaultAsync(x => x.Code == c, ct);
            if (d is null) break;
            trail.Insert(0, d);
            c = d.ParentCode;
        }
        Trail = trail;
    }
}
