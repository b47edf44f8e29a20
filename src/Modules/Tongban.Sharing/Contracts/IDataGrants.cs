using Tongban.Registries.Contracts;

namespace Tongban.Sharing.Contracts;

/// <summary>A published resource as the exchange serves it: its data items and, for a registry, which one.</summary>
public sealed record SharedResource(string Code, string Name, string ProviderDepartment, RegistryKind? Registry, IReadOnlyList<string> Items);

public enum GrantStatus
{
    /// <summary>A grant covers today.</summary>
    Active,

    /// <summary>The department has never been granted the resource.</summary>
    NoGrant,

    /// <summary>The grant's period has not begun.</summary>
    NotYetValid,

    /// <summary>The grant's period has ended.</summary>
    Expired,

    /// <summary>The grant was revoked.</summary>
    Revoked,
}

/// <summary>Whether a department may read a resource today, and which items; for a refusal, the dates that explain it.</summary>
public sealed record GrantCheck(GrantStatus Status, IReadOnlyList<string> Fields, string? Purpose, DateOnly? ValidFrom, DateOnly? ValidUntil);

/// <summary>A grant live today: the consumer department's right to a resource's items for a purpose, until a day.</summary>
public sealed record LiveGrant(string ConsumerDepartment, string ResourceCode, string ProviderDepartment, IReadOnlyList<string> Fields, string Purpose, DateOnly ValidUntil);

/// <summary>
/// What the exchange asks the sharing module on every call. Answered from memory (see the module README),
/// so it is cheap at thousands of calls a second.
/// </summary>
public interface IDataGrants
{
    Task<SharedResource?> FindPublishedResourceAsync(string code, CancellationToken cancellationToken);

    Task<GrantCheck> FindGrantAsync(string consumerDepartment, string resourceCode, CancellationToken cancellationToken);

    /// <summary>Every grant live today, in a stable order (the exchange nodes' access rights are built from them).</summary>
    Task<IReadOnlyList<LiveGrant>> ListLiveGrantsAsync(CancellationToken cancellationToken);
}
