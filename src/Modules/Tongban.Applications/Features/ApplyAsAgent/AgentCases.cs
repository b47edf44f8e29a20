using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;

namespace Tongban.Applications.Features.ApplyAsAgent;

/// <summary>
/// The cases an agent submitted for a principal (<see cref="IAgentCases"/>): an agent's submission key is
/// <c>agent:{agent account}:{key}</c> (<see cref="ApplyAsAgent"/>), so the key names the agent and the applicant the principal.
/// </summary>
internal sealed class AgentCases(ApplicationsDbContext db) : IAgentCases
{
    public async Task<IReadOnlyList<AgentCaseInfo>> StartedAsync(Guid agentAccountId, Guid principalAccountId, DateTimeOffset since,
        IReadOnlyCollection<string> itemCodes, CancellationToken cancellationToken)
    {
        var prefix = $"agent:{agentAccountId}:";
        var codes = itemCodes.ToList();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.ApplicantId == principalAccountId && c.SubmissionKey.StartsWith(prefix) && codes.Contains(c.ItemCode))
            .ToListAsync(cancellationToken);
        return cases.Where(c => c.SubmittedAt >= since).OrderByDescending(c => c.SubmittedAt).Take(100)
            .Select(c => new AgentCaseInfo(c.Number, c.ItemCode, c.ItemName, CaseTexts.Status(c.Status).Zh, CaseTexts.Status(c.Status).En, c.SubmittedAt)).ToList();
    }
}
