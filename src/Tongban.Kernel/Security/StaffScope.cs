using System.Security.Claims;
using Tongban.Kernel.Identifiers;

namespace Tongban.Kernel.Security;

/// <summary>
/// Claim names of a signed-in staff member's scope. The identity module writes them at sign-in; every module
/// reads them through <see cref="StaffScope.Of"/>.
/// </summary>
public static class StaffClaims
{
    /// <summary>One claim per division code in scope; none means the whole region.</summary>
    public const string Division = "tongban:division";

    /// <summary>The credit code of the staff member's department.</summary>
    public const string Department = "tongban:department";

    /// <summary>The key of the station (驿站) the staff member works at.</summary>
    public const string Station = "tongban:station";
}

/// <summary>Where a staff member may act: their department or station, and the divisions they cover.</summary>
public sealed record StaffScope(string? DepartmentCode, string? StationKey, IReadOnlyList<string> Divisions)
{
    public static StaffScope Of(ClaimsPrincipal user) => new(
        user.FindFirst(StaffClaims.Department)?.Value,
        user.FindFirst(StaffClaims.Station)?.Value,
        [.. user.FindAll(StaffClaims.Division).Select(c => c.Value)]);

    /// <summary>Whether the scope reaches a division: no divisions means the whole region; otherwise the division or one of its ancestors must be listed.</summary>
    public bool Covers(string divisionCode) =>
        Divisions.Count == 0
        || (DivisionCode.TryParse(divisionCode, out var target, out _)
            && Divisions.Any(d => DivisionCode.TryParse(d, out var scope, out _) && target.Value.Value.StartsWith(scope.Value.Prefix, StringComparison.Ordinal)));
}
