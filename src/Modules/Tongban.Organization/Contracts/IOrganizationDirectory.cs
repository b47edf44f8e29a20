namespace Tongban.Organization.Contracts;

public sealed record DepartmentInfo(Guid Id, string CreditCode, string Name, string? NameEn, string DivisionCode);

public sealed record DivisionInfo(string Code, string Name, int Level, string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo);

public sealed record StationInfo(string Key, string Name, string DivisionCode, string? Address, string? Hours);

/// <summary>A hall, with its opening sessions on a working day in local time (a morning and an afternoon session, say).</summary>
public sealed record HallInfo(Guid Id, string Slug, string Name, string? NameEn, string DivisionCode, string Address, string? AddressEn, IReadOnlyList<HallSession> Hours);

/// <summary>An opening session of a hall on a working day, local time, e.g. 08:30–11:30.</summary>
public sealed record HallSession(TimeOnly From, TimeOnly To);

/// <summary>A hall window with the credit code of the department that staffs it.</summary>
public sealed record WindowInfo(string Number, string Name, string? NameEn, string DepartmentCreditCode);

/// <summary>What other modules may ask the organisation module: departments, divisions and halls, read-only.</summary>
public interface IOrganizationDirectory
{
    Task<DepartmentInfo?> FindDepartmentAsync(Guid id, CancellationToken cancellationToken);

    Task<DepartmentInfo?> FindDepartmentByCreditCodeAsync(string creditCode, CancellationToken cancellationToken);

    /// <summary>Departments of a division and everything below it; all when <paramref name="divisionCode"/> is null.</summary>
    Task<IReadOnlyList<DepartmentInfo>> ListDepartmentsAsync(string? divisionCode, CancellationToken cancellationToken);

    Task<DivisionInfo?> FindDivisionAsync(string code, CancellationToken cancellationToken);

    /// <summary>Every division, abolished ones included, ordered by code.</summary>
    Task<IReadOnlyList<DivisionInfo>> ListDivisionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Each division's name as a reader needs it, from the county down (铁岭县新台子镇懿路村; a city by its own name), so a
    /// page never shows a division's code.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> DivisionNamesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<HallInfo>> ListHallsAsync(CancellationToken cancellationToken);

    /// <summary>The windows of a hall by its slug, ordered by number; empty for no such hall.</summary>
    Task<IReadOnlyList<WindowInfo>> ListWindowsAsync(string hallSlug, CancellationToken cancellationToken);

    /// <summary>Every township and village station (驿站, 便民服务站).</summary>
    Task<IReadOnlyList<StationInfo>> ListStationsAsync(CancellationToken cancellationToken);
}
