namespace Tongban.Applications.Contracts;

/// <summary>A case an agent submitted in a principal's name: its number, item, state in words, when submitted.</summary>
public sealed record AgentCaseInfo(string Number, string ItemCode, string ItemName, string StatusZh, string StatusEn, DateTimeOffset SubmittedAt);

/// <summary>
/// The cases an agent started for a principal under an authorisation (代办: <c>POST /api/applications/agent-applications</c>):
/// what the hall's free agency (帮办代办) shows as the cases started under an enterprise's request.
/// </summary>
public interface IAgentCases
{
    /// <summary>
    /// The principal's cases that <paramref name="agentAccountId"/> submitted for them since <paramref name="since"/>, of the
    /// items <paramref name="itemCodes"/>, newest first (at most 100).
    /// </summary>
    Task<IReadOnlyList<AgentCaseInfo>> StartedAsync(Guid agentAccountId, Guid principalAccountId, DateTimeOffset since, IReadOnlyCollection<string> itemCodes,
        CancellationToken cancellationToken);
}
