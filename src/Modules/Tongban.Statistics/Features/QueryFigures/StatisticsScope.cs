using System.Security.Claims;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Statistics.Features.QueryFigures;

/// <summary>
/// Whose figures a reader sees: a leader placed in a department (the department head) sees that department only; an
/// efficiency supervisor, or a leader of the whole government, sees every department.
/// </summary>
internal sealed record StatisticsScope(string? Department)
{
    public const string Policy = "statistics.reader";

    public static readonly string[] Roles = [Policies.Leader, Policies.EfficiencySupervisor];

    public static StatisticsScope Of(ClaimsPrincipal user) =>
        new(user.IsInRole(Policies.EfficiencySupervisor) ? null : StaffScope.Of(user).DepartmentCode);

    /// <summary>The department the figures are limited to: the one asked for, or the reader's own; another's is not found.</summary>
    public string? Limit(string? asked)
    {
        if (Department is null) return asked;
        if (asked is null || asked == Department) return Department;
        throw new DomainException(DomainError.NotFound("该部门的统计", "That department's figures"));
    }
}
