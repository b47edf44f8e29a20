using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Web.Pages.Admin;

/// <summary>Holidays and adjusted working days, year by year; warns when next year's arrangement is missing.</summary>
[Authorize(Policy = Policies.SystemAdministrator)]
public sealed class CalendarModel(KernelDbContext db, EditCalendar edit, CalendarStore store, RegionClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public CalendarDayKind Kind { get; set; } = CalendarDayKind.Holiday;

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string? NameEn { get; set; }

    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool NextYearMissing { get; private set; }
    public int NextYear { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostSetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Date is not { } date)
            throw new DomainException(new DomainError("calendar.date_required", "请选择日期", "Choose a date", Field: "Date"));
        await edit.SetAsync(Actor.Of(User), date, Kind, Name, NameEn, ct);
        return RedirectToPage(new { year = date.Year });
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly date, CancellationToken ct)
    {
        await LoadAsync(ct);
        await edit.RemoveAsync(Actor.Of(User), date, ct);
        return RedirectToPage(new { year = date.Year });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = clock.Today;
        Year ??= today.Year;
        NextYear = today.Year + 1;
        NextYearMissing = !(await store.GetAsync(ct)).HasYear(NextYear);
        var all = await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(ct);
        Years = all.Select(d => d.Date.Year).Append(today.Year).Distinct().Order().ToList();
        Days = all.Where(d => d.Date.Year == Year).ToList();
    }
}
