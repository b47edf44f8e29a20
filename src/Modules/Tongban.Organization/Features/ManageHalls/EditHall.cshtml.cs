using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageHalls;

[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class EditHallModel(OrganizationDbContext db, EditHalls edit) : PageModel
{
    [BindProperty]
    public HallInput Input { get; set; } = new();

    [BindProperty]
    public WindowForm Window { get; set; } = new();

    [BindProperty]
    public SessionForm Session { get; set; } = new();

    public IReadOnlyList<ExtraSession> ExtraSessions { get; private set; } = [];

    public IReadOnlyList<(Window Window, string Department)> Windows { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public sealed class WindowForm
    {
        public string Number { get; set; } = "";
        public Guid DepartmentId { get; set; }
        public string Name { get; set; } = "";
        public string? NameEn { get; set; }
    }

    /// <summary>One extra session as typed: kind, the days ticked, times, the windows ticked, optional dates.</summary>
    public sealed class SessionForm
    {
        public Tongban.Organization.Contracts.HallSessionKind Kind { get; set; } = Tongban.Organization.Contracts.HallSessionKind.Extended;
        public List<DayOfWeek> Days { get; set; } = [];
        public TimeOnly? From { get; set; }
        public TimeOnly? To { get; set; }
        public List<string> Windows { get; set; } = [];
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public bool OnHolidays { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var hall = await LoadAsync(slug, ct);
        if (hall is null) return NotFound();
        Input = HallInput.From(hall.Slug, hall.Profile);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is null) return NotFound();
        await edit.UpdateAsync(slug, Input.ToProfile(), Actor.Of(User), ct);
        return Redirect($"/admin/organization/halls/{slug}");
    }

    public async Task<IActionResult> OnPostOpenWindowAsync(string slug, CancellationToken ct)
    {
        var hall = await LoadAsync(slug, ct);
        if (hall is null) return NotFound();
        Input = HallInput.From(hall.Slug, hall.Profile);
        await edit.OpenWindowAsync(slug, new WindowInput(Window.Number, Window.DepartmentId, Window.Name, Window.NameEn), Actor.Of(User), ct);
        return Redirect($"/admin/organization/halls/{slug}#windows");
    }

    public async Task<IActionResult> OnPostCloseWindowAsync(string slug, Guid windowId, CancellationToken ct)
    {
        var hall = await LoadAsync(slug, ct);
        if (hall is null) return NotFound();
        Input = HallInput.From(hall.Slug, hall.Profile);
        await edit.CloseWindowAsync(slug, windowId, Actor.Of(User), ct);
        return Redirect($"/admin/organization/halls/{slug}#windows");
    }

    public async Task<IActionResult> OnPostAddSessionAsync(string slug, CancellationToken ct)
    {
        var hall = await LoadAsync(slug, ct);
        if (hall is null) return NotFound();
        Input = HallInput.From(hall.Slug, hall.Profile);
        if (Session.From is not { } from || Session.To is not { } to)
            throw new Kernel.Errors.DomainException(new Kernel.Errors.DomainError("hall.extra_time_format", "请填写开始和结束时间", "Give the start and end times", Field: Session.From is null ? "from" : "to"));
        var added = new ExtraSession(Session.Kind, Session.Days, from, to, Session.Windows, Session.StartsOn, Session.EndsOn, Session.OnHolidays);
        await edit.SetExtraSessionsAsync(slug, [.. hall.ExtraSessions, added], Actor.Of(User), ct);
        return Redirect($"/admin/organization/halls/{slug}#extra-sessions");
    }

    public async Task<IActionResult> OnPostRemoveSessionAsync(string slug, int index, CancellationToken ct)
    {
        var hall = await LoadAsync(slug, ct);
        if (hall is null) return NotFound();
        Input = HallInput.From(hall.Slug, hall.Profile);
        if (index >= 0 && index < hall.ExtraSessions.Count)
            await edit.SetExtraSessionsAsync(slug, [.. hall.ExtraSessions.Where((_, i) => i != index)], Actor.Of(User), ct);
        return Redirect($"/admin/organization/halls/{slug}#extra-sessions");
    }

    private async Task<Hall?> LoadAsync(string slug, CancellationToken ct)
    {
        var hall = await db.Halls.AsNoTracking().Include(h => h.Windows).SingleOrDefaultAsync(h => h.Slug == slug, ct);
        if (hall is null) return null;
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.DivisionCode).ThenBy(d => d.Name).ToListAsync(ct);
        var names = Departments.ToDictionary(d => d.Id, d => d.Name);
        ExtraSessions = hall.ExtraSessions;
        Windows = hall.Windows.OrderBy(w => w.Number).Select(w => (w, names.GetValueOrDefault(w.DepartmentId, ""))).ToList();
        return hall;
    }
}
