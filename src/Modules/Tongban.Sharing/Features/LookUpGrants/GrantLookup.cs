using Tongban.Kernel.Time;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Features.LookUpGrants;

internal sealed record GrantView(Guid Id, string ConsumerCreditCode, string ResourceCode, string ProviderCreditCode, IReadOnlyList<string> Fields, string Purpose,
    DateOnly ValidFrom, DateOnly ValidUntil, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt, string? RevokeReason)
{
    public GrantState StateOn(DateOnly today) => Grant.StateOf(RevokedAt, ValidFrom, ValidUntil, today);

    internal static GrantView From(Grant g) =>
        new(g.Id.Value, g.ConsumerCreditCode, g.ResourceCode, g.ProviderCreditCode, g.Fields, g.Purpose, g.ValidFrom, g.ValidUntil, g.GrantedAt, g.RevokedAt, g.RevokeReason);
}

/// <summary>The grant a department may use now for a resource, or why there is none.</summary>
internal sealed record GrantAnswer(GrantState State, GrantView? Grant)
{
    public bool IsGranted => State == GrantState.Active;
}

/// <summary>
/// Whether a consumer department may read a resource today, from the in-memory snapshot. When several
/// grants exist, an active one wins (the one that runs longest); otherwise the latest grant says why not.
/// </summary>
internal sealed class GrantLookup(SharingSnapshot snapshot, RegionClock clock)
{
    public async Task<GrantAnswer> FindAsync(string consumerDepartmentCreditCode, string resourceCode, CancellationToken cancellationToken)
    {
        var picture = await snapshot.GetAsync(cancellationToken);
        var key = (consumerDepartmentCreditCode.Trim().ToUpperInvariant(), resourceCode.Trim().ToUpperInvariant());
        if (!picture.Grants.TryGetValue(key, out var grants)) return new GrantAnswer(GrantState.NoGrant, null);
        var today = clock.Today;
        var active = grants.Where(g => g.StateOn(today) == GrantState.Active).MaxBy(g => g.ValidUntil);
        if (active is not null) return new GrantAnswer(GrantState.Active, active);
        var latest = grants.MaxBy(g => g.GrantedAt)!;
        return new GrantAnswer(latest.StateOn(today), latest);
    }

    /// <summary>Every grant active today, ordered by consumer, resource and id.</summary>
    public async Task<IReadOnlyList<GrantView>> LiveAsync(CancellationToken cancellationToken)
    {
        var picture = await snapshot.GetAsync(cancellationToken);
        var today = clock.Today;
        return [.. picture.Grants.Values.SelectMany(g => g).Where(g => g.StateOn(today) == GrantState.Active)
            .OrderBy(g => g.ConsumerCreditCode, StringComparer.Ordinal).ThenBy(g => g.ResourceCode, StringComparer.Ordinal).ThenBy(g => g.Id)];
    }
}
