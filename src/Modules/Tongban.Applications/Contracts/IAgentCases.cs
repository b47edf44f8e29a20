namespace Tongban.Applications.Contracts;

/// <summary>A case an agent submitted in a principal's name: its number, item, state in words, when submitted.</summary>
public sealed record AgentCaseInfo(string Number, string ItemCode, string ItemName, string StatusZh, string StatusEn, DateTimeOffset SubmittedAt);

/// <summary>One question: the principal's cases that the agent submitted for them since <see cref="Since"/>, of the items <see cref="ItemCodes"/>.</summary>
public sealed record AgentCaseQuery(Guid AgentAccountId, Guid PrincipalAccountId, DateTimeOffset Since, IReadOnlyCollection<string> ItemCodes);

/// <summary>
/// The cases an agent started for a principal under an authorisation (代办: <c>POST /api/applications/agent-applications</c>):
/// what the hall's free agency (帮办代办) shows as the cases started under an enterprise's request.
/// </summary>
public interface IAgentCases
{
    /// <summary>The answer to each question, in the questions' order, each newest first (at most 100), all in one read.</summary>
    Task<IReadOnlyList<IReadOnlyList<AgentCaseInfo>>> StartedAsync(IReadOnlyList<AgentCaseQuery> queries, CancellationToken cancellationToken);
}
