using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalog.Domain;
using Tongban.Catalog.Features.ImportFeed;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;

namespace Tongban.Catalog.Features.Admin;

/// <summary>
/// The item form of <c>NewItem</c> and <c>EditItem</c>: every element of an item, saved as a draft through
/// <see cref="ManageItems.ManageItems.DraftAsync"/> like <c>POST /api/catalog/items</c>. Editing starts from the
/// latest version and makes (or replaces) the open draft; the published version stays live until a new one
/// is approved. Rows are added by a plain submit button, so the form works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.CatalogAdministrator)]
internal sealed class ItemFormModel(ManageItems.ManageItems manage, IOrganizationDirectory organization) : PageModel
{
    /// <summary>Empty rows offered under the filled ones, and added by "more rows".</summary>
    public const int EmptyRows = 2;

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    /// <summary>The item being changed; null while a new item has not been saved.</summary>
    public ServiceItem? Item { get; private set; }

    /// <summary>Set when the draft was saved but submitting it for review was refused.</summary>
    public int? SavedVersion { get; private set; }

    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];
    public IReadOnlyList<HallInfo> Halls { get; private set; } = [];
    public IReadOnlyList<StationInfo> Stations { get; private set; } = [];

    /// <summary>Where the form posts: the edit page once the item exists, so a refused submission of a new item does not create it twice.</summary>
    public string Action => Item is null ? "/admin/catalog/items/new" : $"/admin/catalog/items/{Uri.EscapeDataString(Item.ImplementationCode)}/edit";

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        if (Item?.Versions.MaxBy(v => v.Number) is { } latest)
            Input = ItemInput.From(FeedItem.From(Item.BasicCode, Item.ImplementationCode, latest.Elements));
        Input.AddRows(null, EmptyRows);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        if (await SaveAsync(code, ct) is not { } item) return Page();
        return Redirect($"/admin/catalog/items/{Uri.EscapeDataString(item.ImplementationCode)}");
    }

    /// <summary>Saves the draft and submits it; a refusal names every missing element on its field, the draft kept.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(string? code, CancellationToken ct)
    {
        if (await SaveAsync(code, ct) is not { } item) return Page();
        (Item, SavedVersion) = (item, item.Open?.Number);
        await manage.SubmitAsync(item.ImplementationCode, Actor.Of(User), ct);
        return Redirect($"/admin/catalog/items/{Uri.EscapeDataString(item.ImplementationCode)}");
    }

    /// <summary>Shows the form again with what was typed and more empty rows in <paramref name="group"/>; saves nothing.</summary>
    public async Task<IActionResult> OnPostAddRowsAsync(string? code, string? group, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        Input.AddRows(group, EmptyRows);
        return Page();
    }

    /// <summary>The saved item, or null when the form could not be read (the binding errors are on the page).</summary>
    private async Task<ServiceItem?> SaveAsync(string? code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        if (!ModelState.IsValid) return null;
        foreach (var group in ItemInput.Groups)
            if (!ModelState.ContainsKey($"{nameof(Input)}.{group}")) ModelState.SetModelValue($"{nameof(Input)}.{group}", null, null);
        var feed = Item is null ? Input.ToFeedItem(Input.BasicCode, Input.ImplementationCode) : Input.ToFeedItem(Item.BasicCode, Item.ImplementationCode);
        return await manage.DraftAsync(feed, Actor.Of(User), newItem: Item is null, ct);
    }

    private async Task LoadAsync(string? code, CancellationToken ct)
    {
        if (code is not null) Item = await manage.LoadAsync(code, ct);
        Departments = await organization.ListDepartmentsAsync(null, ct);
        Halls = await organization.ListHallsAsync(ct);
        Stations = await organization.ListStationsAsync(ct);
    }
}
