using System.Globalization;
using Tongban.Kernel.Errors;
using Tongban.Organization.Contracts;

namespace Tongban.Statistics.Features.QueryFigures;

/// <summary>What a person reads for a slice's key: department and channel names, months and days in words, never a code.</summary>
internal sealed class Labels(IOrganizationDirectory organization)
{
    private IReadOnlyDictionary<string, DepartmentInfo>? _departments;

    public async Task<IReadOnlyDictionary<string, DepartmentInfo>> DepartmentsAsync(CancellationToken ct) =>
        _departments ??= (await organization.ListDepartmentsAsync(null, ct)).ToDictionary(d => d.CreditCode, StringComparer.Ordinal);

    /// <summary>A department asked for by a region-wide reader must exist: 400 naming it otherwise.</summary>
    public async Task RequireDepartmentAsync(string? department, CancellationToken ct)
    {
        if (department is not null && !(await DepartmentsAsync(ct)).ContainsKey(department))
            throw new DomainException(new DomainError("statistics.department", "没有这个部门", "There is no such department", ErrorKind.BadRequest, "department"));
    }

    public async Task<(string Zh, string En)> DepartmentAsync(string code, CancellationToken ct) =>
        (await DepartmentsAsync(ct)).TryGetValue(code, out var d) ? (d.Name, d.NameEn ?? d.Name) : NotStated;

    public static readonly (string Zh, string En) NotStated = ("未注明", "Not stated");

    public static (string Zh, string En) Channel(string channel) => channel switch
    {
        "online" => ("网上申请", "Online"),
        "window" => ("窗口收件", "At a hall window"),
        "station" => ("驿站代办", "At a service station"),
        "mobile" => ("移动端", "Mobile"),
        _ => NotStated,
    };

    public static (string Zh, string En) Month(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? ($"{d.Year}年{d.Month}月", d.ToString("MMM yyyy", CultureInfo.InvariantCulture)) : NotStated;

    public static (string Zh, string En) Day(DateOnly day) =>
        ($"{day.Year}年{day.Month}月{day.Day}日", day.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
}
