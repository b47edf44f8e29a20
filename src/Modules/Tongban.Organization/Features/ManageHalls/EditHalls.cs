using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageHalls;

internal sealed record WindowInput(string Number, Guid DepartmentId, string Name, string? NameEn);

/// <summary>An administrator creates a hall, edits its public profile, opens and closes its windows.</summary>
internal sealed class EditHalls(OrganizationDbContext db, TimeProvider clock, ChangeSignals signals)
{
    public async Task<Hall> CreateAsync(string slug, HallProfile profile, string actor, CancellationToken ct, List<ExtraSession>? extra = null)
    {
        if (await db.Halls.AnyAsync(h => h.Slug == slug, ct))
            throw new DomainException(new DomainError("hall.duplicate", $"网址标识“{slug}”已被使用", $"The URL name '{slug}' is taken", ErrorKind.Conflict, "slug"));
        var hall = Hall.Create(slug, profile);
        if (extra is not null) hall.SetExtraSessions(extra); // a new hall has no windows yet: only an empty list passes
        await db.EnsureDivisionExistsAsync(hall.DivisionCode, ct);
        db.Halls.Add(hall);
        Audit(actor, "organization.hall_added", hall);
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.PublicPages, ct);
        return hall;
    }

    /// <summary>Replaces the profile; the extra sessions too when given (null keeps them), in one save.</summary>
    public async Task<Hall> UpdateAsync(string slug, HallProfile profile, string actor, CancellationToken ct, List<ExtraSession>? extra = null)
    {
        var hall = await LoadAsync(slug, ct);
        if (extra is not null) hall.SetExtraSessions([]); // checked against the new hours below, not the old
        hall.Update(profile);
        if (extra is not null) hall.SetExtraSessions(extra);
        await db.EnsureDivisionExistsAsync(hall.DivisionCode, ct);
        Audit(actor, "organization.hall_changed", hall);
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.PublicPages, ct);
        return hall;
    }

    /// <summary>Replaces the hall's extended and weekend sessions, all or none.</summary>
    public async Task<Hall> SetExtraSessionsAsync(string slug, List<ExtraSession> sessions, string actor, CancellationToken ct)
    {
        var hall = await LoadAsync(slug, ct);
        hall.SetExtraSessions(sessions);
        Audit(actor, "organization.hall_sessions_changed", hall,
            hall.ExtraSessions.Count == 0 ? "none" : string.Join("; ", hall.ExtraSessions.Select(s => $"{s.Describe(true)} {string.Join(" ", s.Windows)}")));
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.PublicPages, ct);
        return hall;
    }

    public async Task<Window> OpenWindowAsync(string slug, WindowInput input, string actor, CancellationToken ct)
    {
        var hall = await LoadAsync(slug, ct);
        if (!await db.Departments.AnyAsync(d => d.Id == DepartmentId.From(input.DepartmentId), ct))
            throw new DomainException(new DomainError("window.department_unknown", "请选择窗口所属部门", "Choose the department that staffs the window", Field: "department_id"));
        var window = hall.OpenWindow(input.Number, DepartmentId.From(input.DepartmentId), input.Name, input.NameEn);
        db.Windows.Add(window);
        Audit(actor, "organization.window_opened", hall, window.Number);
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.PublicPages, ct);
        return window;
    }

    public async Task CloseWindowAsync(string slug, Guid windowId, string actor, CancellationToken ct)
    {
        var hall = await LoadAsync(slug, ct);
        var number = hall.Windows.FirstOrDefault(w => w.Id == WindowId.From(windowId))?.Number;
        hall.CloseWindow(WindowId.From(windowId));
        Audit(actor, "organization.window_closed", hall, number);
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.PublicPages, ct);
    }

    private async Task<Hall> LoadAsync(string slug, CancellationToken ct) =>
        await db.Halls.Include(h => h.Windows).SingleOrDefaultAsync(h => h.Slug == slug, ct)
        ?? throw new DomainException(DomainError.NotFound("服务大厅", "The service hall"));


    private void Audit(string actor, string action, Hall hall, string? details = null) =>
        db.Audit(new AuditRecord(actor, action, $"hall:{hall.Slug}", details ?? hall.Name, clock.GetUtcNow()));
}
