using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;

namespace Tongban.Applications.Features.ViewCase;

/// <summary>A concluded case for the license library (<see cref="IConcludedCases"/>).</summary>
internal sealed class ConcludedCases(ApplicationsDbContext db) : IConcludedCases
{
    public async Task<ConcludedCaseInfo?> FindAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var id = CaseId.From(caseId);
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == CaseStatus.Concluded, cancellationToken);
        return @case is null ? null : new ConcludedCaseInfo(@case.Id.Value, @case.Number, @case.ItemCode, @case.ItemName, @case.DepartmentCreditCode,
            @case.ApplicantId, @case.ApplicantName, @case.Outcome == Outcome.Approved, @case.DecisionOpinion, @case.ConcludedOn!.Value, @case.Form);
    }
}
