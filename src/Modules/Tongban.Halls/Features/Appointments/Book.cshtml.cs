using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Halls.Domain;
using Tongban.Halls.Features.HallStatus;
using Tongban.Identity.Contracts;
using Tongban.Kernel.PersonalData;

namespace Tongban.Halls.Features.Appointments;

/// <summary>
/// 网上预约: choose a business category and a day (links), then a slot with free places, optionally a service item; with
/// <c>move</c>, the same page moves one's appointment to the slot chosen instead.
/// </summary>
[Authorize]
internal sealed class BookModel(HallPlaces halls, HallQueue queue, AppointmentRules rules, SlotPlanner slots, Booking booking,
    IProxyAuthorisations proxies, IAccountDirectory accounts) : PageModel
{
    /// <summary>The principals who authorised the signed-in person (代办授权 in force), with the items: the agent may book for them.</summary>
    public IReadOnlyList<(Guid Id, string Name, string IdNumber, IReadOnlyList<string> Items)> Principals { get; private set; } = [];

    public HallPlace Hall { get; private set; } = null!;
    public IReadOnlyList<CategoryLine> Categories { get; private set; } = [];
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public IReadOnlyList<SlotView> Slots { get; private set; } = [];
    public Category? Chosen { get; private set; }
    public DateOnly? Day { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? Move { get; set; }
    [BindProperty] public string? Time { get; set; }
    [BindProperty] public string? Item { get; set; }
    [BindProperty] public Guid? Principal { get; set; }

    public async Task<IActionResult> OnGetAsync(string hall, CancellationToken ct)
    {
        await LoadAsync(hall, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string hall, CancellationToken ct)
    {
        await LoadAsync(hall, ct);
        if (ModelState.TryGetValue(nameof(Principal), out var typed) && typed.Errors.Count > 0)
            throw AppointmentRules.NoAuthorisation(); // not one of the principals offered
        var holder = AppointmentEndpoints.Holder(User);
        var code = Move is { Length: > 0 }
            ? (await booking.MoveAsync(holder, hall, Move, Date, Time, ct)).Code
            : (await booking.BookAsync(holder, hall, new BookRequest(Category, Date, Time, Item, Principal), ct)).Code;
        return Redirect($"/halls/{Hall.Hall.Slug}/appointments/{code}?done=true");
    }

    private async Task LoadAsync(string hall, CancellationToken ct)
    {
        Hall = await halls.GetAsync(hall, ct);
        Categories = await queue.CategoriesAsync(Hall.Id, ct);
        Days = await slots.DaysAsync(Hall, ct);
        if (AppointmentEndpoints.AccountOf(User) is { } me && Move is not { Length: > 0 })
        {
            var given = await proxies.InForceForAgentAsync(me, ct);
            var names = await accounts.FindManyAsync([.. given.Select(g => g.PrincipalAccountId).Distinct()], ct);
            Principals = [.. given.GroupBy(g => g.PrincipalAccountId).Where(g => names.ContainsKey(g.Key))
                .Select(g => (g.Key, PersonNames.Mask(names[g.Key].DisplayName), names[g.Key].MaskedIdNumber, (IReadOnlyList<string>)[.. g.SelectMany(x => x.ItemCodes).Distinct()]))];
        }
        if (string.IsNullOrEmpty(Category)) return;
        Chosen = await rules.CategoryAsync(Hall, Category, ct);
        if (string.IsNullOrEmpty(Date)) return;
        Day = AppointmentRules.Date(Date);
        Slots = await slots.ListAsync(Hall, Chosen, Day.Value, ct);
    }
}
