using System.Security.Claims;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Applications.Features.ViewCase;
using Tongban.Catalog.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.ApplyAsAgent;

internal sealed class AgentInput
{
    public Guid PrincipalAccountId { get; set; }
    public string? ItemCode { get; set; }

    /// <summary>A bundle (一件事) instead of an item: the principal must have authorised the agent for each of its items.</summary>
    public string? BundleCode { get; set; }

    public string? Key { get; set; }
    public ApplicationInput Application { get; set; } = new();

    /// <summary>At a station: the materials whose electronic license the principal agreed, in person, to have looked up (by material key).</summary>
    public List<string>? Licenses { get; set; }
}

/// <summary>Whether an agent may apply for a target: the authorisation in force that ends first, or the first item none covers.</summary>
internal sealed record AgentAuthorisation(ProxyAuthorisationInfo? InForce, ApplicableItem? Missing);

/// <summary>
/// 代办: an agent — a station agent at their station, or another person — submits in the name of a principal who
/// authorised them for the item, or for every item of a bundle. The cases are the principal's; both identities are
/// recorded in their actor.
/// </summary>
internal sealed class ApplyAsAgent(IProxyAuthorisations authorisations, SubmitApplication.SubmitApplication submit, ApplyOnline.ApplyOnline targets,
    ProvideMaterials.UseLicense licenses)
{
    /// <summary>The item's case, or with <paramref name="bundle"/> the cases of <see cref="AgentInput.BundleCode"/>'s items (all or none).</summary>
    public async Task<(IReadOnlyList<Case> Cases, bool Created)> SubmitAsync(AgentInput input, bool bundle, ClaimsPrincipal user, CancellationToken ct)
    {
        var agent = Applicants.IdOf(user);
        var target = await targets.FindTargetAsync(bundle ? input.BundleCode : input.ItemCode, bundle, ct);
        if ((await AuthorisationAsync(agent, input.PrincipalAccountId, target, ct)).Missing is { } missing)
            throw new DomainException(new DomainError("case.no_authorisation", $"申请人没有授权您代办事项“{missing.Name}”（{missing.ImplementationCode}），或授权已过期、已撤销",
                $"The applicant has not authorised you for the item '{missing.Name}' ({missing.ImplementationCode}), or the authorisation expired or was revoked",
                ErrorKind.Forbidden, "principal_account_id"));
        var station = user.IsInRole(Policies.StationAgent) ? StaffScope.Of(user).StationKey : null;
        var actor = $"{Actor.Of(user)} for user:{input.PrincipalAccountId}";
        var key = Submission.KeyOf(input.Key);
        var materials = await MaterialsAsync(target, input, station, user, ct);
        return await submit.SubmitTargetAsync(target, new Submission(target.Code, input.PrincipalAccountId, input.Application.FormValues, materials,
            station is null ? Channel.Online : Channel.Station, $"agent:{agent}:{key}", actor, station is null ? null : $"驿站 station {station}", station), Guid.NewGuid(), null, ct);
    }

    /// <summary>
    /// The references typed, with the principal's licenses looked up where they agreed in person — which only a station
    /// agent at their station can witness; another agent is refused rather than using someone's licenses unseen.
    /// </summary>
    private async Task<IReadOnlyList<MaterialRef>> MaterialsAsync(ApplicationTarget target, AgentInput input, string? station, ClaimsPrincipal user, CancellationToken ct)
    {
        if (input.Licenses is not { Count: > 0 }) return input.Application.MaterialRefs;
        if (station is null)
            throw new DomainException(new DomainError("material.license_in_person_only", "只有驿站代办员在委托人当面同意后才能调取其电子证照",
                "Only a station agent, with the principal agreeing in person, may look up the principal's licenses", ErrorKind.Forbidden, "licenses"));
        return await licenses.InPersonAsync(target, input.PrincipalAccountId, input.Application.MaterialRefs, input.Licenses, new ProvideMaterials.InPerson("驿站代办", "委托人"), user, ct);
    }

    public async Task<AgentAuthorisation> AuthorisationAsync(Guid agent, Guid principal, ApplicationTarget target, CancellationToken ct)
    {
        ProxyAuthorisationInfo? first = null;
        foreach (var item in target.Items)
        {
            var found = await authorisations.FindInForceAsync(agent, principal, item.ImplementationCode, ct);
            if (found is null) return new AgentAuthorisation(null, item);
            if (first is null || found.ValidUntil < first.ValidUntil) first = found;
        }
        return new AgentAuthorisation(first, null);
    }
}
