using System.Globalization;
using System.Security.Claims;
using Tongban.Kernel.Errors;
using Tongban.Licenses.Contracts;
using Tongban.Statistics.Features.Indicators;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.LicenseFigures;

/// <summary>One row of the license figures: a department or a month, in words, and each license indicator's count.</summary>
internal sealed record LicenseFigureRow(string Key, string LabelZh, string LabelEn, long Issued, long Imported, long Verifications, long Uses)
{
    public long Of(LicenseIndicator indicator) => indicator.Count(new LicenseMonthFigures("", "", Issued, Imported, Verifications, Uses));
}

internal sealed record LicenseFigureTable(string By, DateOnly From, DateOnly To, string? Department, IReadOnlyList<LicenseFigureRow> Rows, LicenseFigureRow Total);

/// <summary>
/// The license indicators by department (the issuing authority) or month, from the license library's contract
/// <see cref="ILicenseFigures"/>, checked and scoped as the case figures are: the dates and department as
/// <see cref="FigureRequest"/> checks them, a department head their own department only.
/// </summary>
internal sealed class LicenseFigureService(ILicenseFigures licenses, FigureService figures, Labels labels)
{
    public static readonly string[] Slicings = ["department", "month"];

    public async Task<LicenseFigureTable> ReadAsync(string? by, string? from, string? to, string? department, ClaimsPrincipal user, CancellationToken ct)
    {
        var slicing = string.IsNullOrEmpty(by) ? "month" : by;
        var (query, months) = await ReadMonthsAsync(slicing, from, to, department, user, ct);
        return await TableAsync(slicing, query, months, ct);
    }

    /// <summary>
    /// The figures by month and, when no single department is asked for, also by department — both from one read of the
    /// license library (the dashboard shows the two tables side by side).
    /// </summary>
    public async Task<(LicenseFigureTable ByMonth, LicenseFigureTable? ByDepartment)> ReadByMonthAndDepartmentAsync(
        string? from, string? to, string? department, ClaimsPrincipal user, CancellationToken ct)
    {
        var (query, months) = await ReadMonthsAsync("month", from, to, department, user, ct);
        return (await TableAsync("month", query, months, ct), query.Department is null ? await TableAsync("department", query, months, ct) : null);
    }

    private async Task<(FigureQuery Query, IReadOnlyList<LicenseMonthFigures> Months)> ReadMonthsAsync(string slicing, string? from, string? to, string? department,
        ClaimsPrincipal user, CancellationToken ct)
    {
        List<DomainError> errors = [];
        if (!Slicings.Contains(slicing, StringComparer.Ordinal))
            errors.Add(FigureRequest.Bad("by", "电子证照数字的分组方式只能是 department 或 month", "by must be department or month for the license figures"));
        FigureQuery? query = null;
        try
        {
            query = await figures.CheckAsync(new FigureRequest(IndicatorRegistry.All[0].Code, null, from, to, department), user, ct);
        }
        catch (DomainException e) when (errors.Count > 0 && e.Errors.All(x => x.Kind == ErrorKind.BadRequest))
        {
            errors.AddRange(e.Errors);
        }
        if (errors.Count > 0) throw new DomainException(errors);
        var asked = query!;
        return (asked, await licenses.MonthlyAsync(asked.From, asked.To, asked.Department, ct));
    }

    private async Task<LicenseFigureTable> TableAsync(string slicing, FigureQuery query, IReadOnlyList<LicenseMonthFigures> months, CancellationToken ct)
    {
        List<LicenseFigureRow> rows = [];
        foreach (var group in months.GroupBy(m => slicing == "month" ? m.Month : m.DepartmentCreditCode))
        {
            var label = slicing == "month" ? Labels.Month(group.Key) : await labels.DepartmentAsync(group.Key, ct);
            rows.Add(Row(group.Key, label, group));
        }
        rows = slicing == "month" ? [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal)] : [.. rows.OrderByDescending(r => r.Issued).ThenBy(r => r.Key, StringComparer.Ordinal)];
        return new LicenseFigureTable(slicing, query.From, query.To, query.Department, rows, Row("", ("合计", "Total"), months));
    }

    private static LicenseFigureRow Row(string key, (string Zh, string En) label, IEnumerable<LicenseMonthFigures> figures)
    {
        var list = figures.ToList();
        return new(key, label.Zh, label.En, list.Sum(f => f.Issued), list.Sum(f => f.Imported), list.Sum(f => f.Verifications), list.Sum(f => f.Uses));
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
