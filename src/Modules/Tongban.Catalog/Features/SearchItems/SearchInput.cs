using Microsoft.AspNetCore.Http;
using Tongban.Catalog.Search;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;

namespace Tongban.Catalog.Features.SearchItems;

/// <summary>
/// How the search page and the search API read a request, so both answer the same request the same way.
/// A repeated <c>q</c> (<c>?q=户口&amp;q=迁入</c>) is one query of all its values joined by a space, in order.
/// <c>home</c> is where the person is (a division code; remembered in a cookie when chosen on the page): their
/// implementations come first. <c>division</c> is the place facet: results handled there only.
/// </summary>
internal static class SearchInput
{
    public const string HomeCookie = "tongban.home";

    public static string? Query(IEnumerable<string?>? values) =>
        values?.Where(v => v is not null).ToList() is { Count: > 0 } given ? string.Join(' ', given) : null;

    /// <summary>The person's place: <c>home</c> when given (empty or invalid means none), else the cookie.</summary>
    public static string? Home(string? asked, HttpRequest request) => Division(asked ?? request.Cookies[HomeCookie]);

    /// <summary>On the page: a place chosen is kept for a year; choosing none forgets it.</summary>
    public static void RememberHome(HttpContext context, string? home)
    {
        if (!context.Request.Query.ContainsKey("home")) return;
        if (home is null) context.Response.Cookies.Delete(HomeCookie);
        else context.Response.Cookies.Append(HomeCookie, home, new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps,
        });
    }

    public static SearchFilter Filter(string? subject, string? department, string? division)
    {
        var filter = new SearchFilter(Labels.SubjectFrom(subject), string.IsNullOrWhiteSpace(department) ? null : department.Trim().ToUpperInvariant());
        if (!DivisionCode.TryParse(division, out var code, out _)) return filter;
        // A city or county is a place of the facet; a township or village narrows to itself.
        return code.Value.Level <= DivisionLevel.County ? filter with { Place = code.Value.Value } : filter with { DivisionPrefix = code.Value.Prefix };
    }

    /// <summary>
    /// <c>skip</c> and <c>take</c> of an API: a negative value means nothing and is refused; <c>take</c> above
    /// <see cref="SearchIndex.MaxTake"/> is cut to it; a <c>skip</c> past the end answers an empty page.
    /// </summary>
    public static (int Skip, int Take) Paging(int? skip, int? take, int defaultTake)
    {
        var errors = new List<DomainError>();
        if (skip < 0)
            errors.Add(new("paging.skip", "跳过条数（skip）不能为负数", "The number of results to skip (skip) cannot be negative", ErrorKind.BadRequest, "skip"));
        if (take < 0)
            errors.Add(new("paging.take", "每页条数（take）不能为负数", "The number of results to take (take) cannot be negative", ErrorKind.BadRequest, "take"));
        if (errors.Count > 0) throw new DomainException(errors);
        return (skip ?? 0, Math.Min(take ?? defaultTake, SearchIndex.MaxTake));
    }

    /// <summary>The first result of page <paramref name="page"/> (from 1; anything below is the first page), never overflowing.</summary>
    public static int SkipFor(int page, int pageSize) => (int)Math.Min(int.MaxValue, (Math.Max(1L, page) - 1) * pageSize);

    private static string? Division(string? value) => DivisionCode.TryParse(value, out var code, out _) ? code.Value.Value : null;
}
