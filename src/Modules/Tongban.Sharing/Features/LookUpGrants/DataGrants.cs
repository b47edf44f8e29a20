using Tongban.Sharing.Contracts;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Features.LookUpGrants;

/// <summary>The sharing module's answer to the exchange, from the lookups over the in-memory snapshot.</summary>
internal sealed class DataGrants(ResourceLookup resources, GrantLookup grants) : IDataGrants
{
    public async Task<SharedResource?> FindPublishedResourceAsync(string code, CancellationToken cancellationToken) =>
        await resources.FindPublishedAsync(code, cancellationToken) is { } r
            ? new SharedResource(r.Code, r.Name, r.ProviderCreditCode, r.Registry, [.. r.Items.Select(i => i.Name)])
            : null;

    public async Task<GrantCheck> FindGrantAsync(string consumerDepartment, string resourceCode, CancellationToken cancellationToken)
    {
        var answer = await grants.FindAsync(consumerDepartment, resourceCode, cancellationToken);
        var status = answer.State switch
        {
            GrantState.Active => GrantStatus.Active,
            GrantState.NotYetValid => GrantStatus.NotYetValid,
            GrantState.Expired => GrantStatus.Expired,
            GrantState.Revoked => GrantStatus.Revoked,
            _ => GrantStatus.NoGrant,
        };
        return answer.Grant is { } g
            ? new GrantCheck(status, g.Fields, g.Purpose, g.ValidFrom, g.ValidUntil)
            : new GrantCheck(status, [], null, null, null);
    }

    public async Task<IReadOnlyList<LiveGrant>> ListLiveGrantsAsync(CancellationToken cancellationToken) =>
        [.. (await grants.LiveAsync(cancellationToken)).Select(g => new LiveGrant(g.ConsumerCreditCode, g.ResourceCode, g.ProviderCreditCode, g.Fields, g.Purpose, g.ValidUntil))];
}
