using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;

namespace Tongban.Applications.Features.ApplyAsAgent;

/// <summary>
/// The cases an agent submitted for a principal (<see cref="IAgentCases"/>): an agent's submission key is
/// <c>agent:{agent account}:{key}</c> (<see cref="ApplyAsAgent"/>), so the key names the agent and the applicant the principal.
/// Every question is answered from one read of the principals' agent-submitted cases.
/// </summary>
internal sealed class AgentCases(ApplicationsDbContext db) : IAgentCases
{
    public async Task<IReadOnlyList<IReadOnlyList<AgentCaseInfo>>> StartedAsync(IReadOnlyList<AgentCaseQuery> queries, CancellationToken cancellationToken)
    {
        if (queries.Count == 0) return [];
        var principals = queries.Select(q => q.PrincipalAccountId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => principals.Contains(c.ApplicantId) && c.SubmissionKey.StartsWith("agent:"))
            .ToListAsync(cancellationToken);
        return [.. queries.Select(q =>
        {
            var prefix = $"agent:{q.AgentAccountId}:";
            return (IReadOnlyList<AgentCaseInfo>)[.. cases
                .Where(c => c.ApplicantId == q.PrincipalAccountId && c.SubmissionKey.StartsWith(prefix, StringComparison.Ordinal)
                    && q.ItemCodes.Contains(c.ItemCode) && c.SubmittedAt >= q.Since)
                .OrderByDescending(c => c.SubmittedAt).Take(100)
                .Select(c => (Case: c, Status: CaseTexts.Status(c.Status)))
                .Select(x => new AgentCaseInfo(x.Case.Number, x.Case.ItemCode, x.Case.ItemName, x.Status.Zh, x.Status.En, x.Case.SubmittedAt))];
        })];
    }
}
