using System.Security.Claims;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Applications.Features.ViewCase;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.ApplyAsAgent;

internal sealed class AgentInput
{
    public Guid PrincipalAccountId { get; set; }
    public string? ItemCode { get; set; }
    public string? Key { get; set; }
    public ApplicationInput Application { get; set; } = new();
}

/// <summary>
/// 代办: an agent — a station agent at their station, or another person — submits in the name of a principal who
/// authorised them for the item. The case is the principal's; both identities are recorded in its actor.
/// </summary>
internal sealed class ApplyAsAgent(IProxyAuthorisations authorisations, SubmitApplication.SubmitApplication submit)
{
    public async Task<(Case Case, bool Created)> SubmitAsync(AgentInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var agent = Applicants.IdOf(user);
        var itemCode = (input.ItemCode ?? "").Trim();
        _ = await authorisations.FindInForceAsync(agent, input.PrincipalAccountId, itemCode, ct)
            ?? throw new DomainException(new DomainError("case.no_authorisation", "申请人没有授权您代办该事项（或授权已过期、已撤销）",
                "The applicant has not authorised you for this item (or the authorisation expired or was revoked)", ErrorKind.Forbidden, "principal_account_id"));
        var station = user.IsInRole(Policies.StationAgent) ? StaffScope.Of(user).StationKey : null;
        var actor = $"{Actor.Of(user)} for user:{input.PrincipalAccountId}";
        var key = string.IsNullOrWhiteSpace(input.Key) ? Guid.NewGuid().ToString("N") : input.Key.Trim();
        return await submit.SubmitAsync(new Submission(itemCode, input.PrincipalAccountId, input.Application.FormValues, input.Application.MaterialRefs,
            station is null ? Channel.Online : Channel.Station, $"agent:{agent}:{key}", actor, station is null ? null : $"驿站 station {station}", station), null, ct);
    }
}
