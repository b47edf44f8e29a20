using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Security;

namespace Tongban.Applications;

/// <summary>The module's authorisation policies over several roles, for its pages' menu links and guards.</summary>
internal static class StaffPolicies
{
    /// <summary>Any role that works cases (the workbench, ratings).</summary>
    public const string CaseStaff = "applications.case-staff";

    /// <summary>Staff of a handling department: window clerks and the process roles (answering supervision orders).</summary>
    public const string DepartmentStaff = "applications.department-staff";

    /// <summary>Who registers a walk-in: a window clerk, or a station agent at their station.</summary>
    public const string WalkIn = "applications.walk-in";

    public static readonly string[] CaseRoles = [Policies.WindowClerk, Policies.StationAgent, Policies.Reviewer, Policies.Approver, Policies.Leader, Policies.EfficiencySupervisor];

    public static readonly string[] DepartmentRoles = [Policies.WindowClerk, Policies.Reviewer, Policies.Approver, Policies.Leader];

    public static void Add(IServiceCollection services) => services.AddAuthorization(o =>
    {
        o.AddPolicy(CaseStaff, p => p.RequireRole(CaseRoles));
        o.AddPolicy(DepartmentStaff, p => p.RequireRole(DepartmentRoles));
        o.AddPolicy(WalkIn, p => p.RequireRole(Policies.WindowClerk, Policies.StationAgent));
    });
}
