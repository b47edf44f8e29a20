using System.Globalization;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Organization.Contracts;

namespace Tongban.Statistics.Features.QueryFigures;

/// <summary>What a person reads for a slice's key: department and channel names, months and days in words, never a code.</summary>
internal sealed class Labels(IOrganizationDirectory organization)
{
    private IReadOnlyDictionary<string, DepartmentInfo>? _departments;
    private IReadOnlyDictionary<string, DivisionInfo>? _divisions;
    private IReadOnlyDictionary<string, string>? _divisionNames;

    /// <summary>Every division (abolished ones too: old cases keep theirs), by its 12-digit code.</summary>
    public async Task<IReadOnlyDictionary<string, DivisionInfo>> DivisionsAsync(CancellationToken ct) =>
        _divisions ??= (await organization.ListDivisionsAsync(ct)).ToDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>A division asked for must exist: 400 naming it otherwise.</summary>
    public async Task RequireDivisionAsync(string? division, CancellationToken ct)
    {
        if (division is not null && !(await DivisionsAsync(ct)).ContainsKey(division))
            throw new DomainException(new DomainError("statistics.division", "没有这个行政区划", "There is no such division", ErrorKind.BadRequest, "division"));
    }

    /// <summary>A division as people read it (铁岭县新台子镇懿路村), never its code.</summary>
    public async Task<(string Zh, string En)> DivisionAsync(string code, CancellationToken ct)
    {
        _divisionNames ??= await organization.DivisionNamesAsync(ct);
        return _divisionNames.TryGetValue(code, out var name) ? (name, name) : NotStated;
    }

    /// <summary>The level of a case's division: as the directory records it, else as its code shows; null when not stated.</summary>
    public async Task<DivisionLevel?> LevelOfAsync(string code, CancellationToken ct)
    {
        if ((await DivisionsAsync(ct)).TryGetValue(code, out var d) && Enum.IsDefined((DivisionLevel)d.Level)) return (DivisionLevel)d.Level;
        return DivisionCode.TryParse(code, out var parsed, out _) ? parsed.Value.Level : null;
    }

    /// <summary>The codes of the divisions of a level, for a filter by level (the directory's and those the code shows).</summary>
    public async Task<IReadOnlyList<string>> DivisionsOfLevelAsync(DivisionLevel level, CancellationToken ct) =>
        [.. (await DivisionsAsync(ct)).Values.Where(d => d.Level == (int)level).Select(d => d.Code)];

    public static (string Zh, string En) Level(DivisionLevel? level) => level switch
    {
        DivisionLevel.Province => ("省级", "Province"),
        DivisionLevel.City => ("市级", "City"),
        DivisionLevel.County => ("县级", "County"),
        DivisionLevel.Township => ("乡镇级", "Township"),
        DivisionLevel.Village => ("村级", "Village"),
        _ => NotStated,
    };

    /// <summary>The level's name in the API (city, county …), "" when not stated.</summary>
    public static string LevelKey(DivisionLevel? level) => level is { } l ? l.ToString().ToLowerInvariant() : "";

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
