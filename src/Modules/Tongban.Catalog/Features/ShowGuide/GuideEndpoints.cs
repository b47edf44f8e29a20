using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Catalog.Search;
using Tongban.Catalog.Features.SearchItems;

namespace Tongban.Catalog.Features.ShowGuide;

internal sealed record ItemView(string ImplementationCode, string Name, string Department, string Subjects, int OnlineDepth, string OnlineHandling, string Url);

internal sealed record BrowseResponse(int Total, IReadOnlyList<ItemView> Items);

internal static class GuideEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/items/{implementationCode}", GetAsync).WithSummary("An item's guide: the elements in effect today, status and where it is handled");
        api.MapGet("/items/{implementationCode}/materials/{key}/{kind:regex(^(blank-form|sample)$)}", DownloadAsync)
            .WithSummary("A material's blank form or sample as a printable PDF (when the guide names a file rather than a web address)");
        api.MapGet("/items", BrowseAsync).WithSummary("Items by subject (person, legal-person), department credit code, theme, level (市, 县, …) and division; skip ≥ 0, take 0–100");
    }

    private static async Task<Results<Ok<Guide>, NotFound>> GetAsync(string implementationCode, GuideQueries guides, CancellationToken ct) =>
        await guides.GetAsync(implementationCode, ct) is { } guide ? TypedResults.Ok(guide) : TypedResults.NotFound();

    private static async Task<FileContentHttpResult> DownloadAsync(string implementationCode, string key, string kind, BlankForms forms, CancellationToken ct)
    {
        var download = await forms.GetAsync(implementationCode, key, kind, ct);
        return TypedResults.File(download.Content, "application/pdf", download.FileName);
    }

    private static async Task<Ok<BrowseResponse>> BrowseAsync(string? subject, string? department, string? theme, string? level, string? division, int? skip, int? take,
        SearchIndexStore store, CancellationToken ct)
    {
        var (from, count) = SearchInput.Paging(skip, take, 20);
        var index = await store.GetAsync(ct);
        var (total, page) = index.Browse(BrowseFilter.From(subject, department, theme, level, division), null, from, count);
        return TypedResults.Ok(new BrowseResponse(total, [.. page.Select(d => new ItemView(d.ImplementationCode, d.Name, d.DepartmentName, Labels.Of(d.Subjects),
            d.OnlineDepth, Labels.Depth(d.OnlineDepth), $"/items/{d.ImplementationCode}"))]));
    }
}

internal static class BrowseFilter
{
    public static SearchFilter From(string? subject, string? department, string? theme, string? level, string? division) => new(
        Labels.SubjectFrom(subject),
        string.IsNullOrWhiteSpace(department) ? null : department.Trim().ToUpperInvariant(),
        string.IsNullOrWhiteSpace(theme) ? null : theme.Trim(),
        Enum.TryParse<Domain.ExerciseLevel>(level, out var l) && !char.IsDigit(level![0]) ? l : null,
        Kernel.Identifiers.DivisionCode.TryParse(division, out var code, out _) ? code.Value.Prefix : null);
}
