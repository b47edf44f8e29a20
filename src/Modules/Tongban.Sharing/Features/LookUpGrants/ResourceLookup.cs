using Tongban.Registries.Contracts;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Features.LookUpGrants;

/// <summary>A resource as published: what consumers may request and the exchange serves.</summary>
internal sealed record PublishedResource(string Code, string Name, string ProviderCreditCode, SharingType SharingType,
    AccessMode AccessMode, RegistryKind? Registry, IReadOnlyList<DataItem> Items)
{
    internal static PublishedResource From(string code, ResourceDetails live) =>
        new(code, live.Name, live.ProviderCreditCode, live.SharingType, live.AccessMode, live.Registry, live.Items);
}

/// <summary>Published resources by code, from the in-memory snapshot.</summary>
internal sealed class ResourceLookup(SharingSnapshot snapshot)
{
    public async Task<PublishedResource?> FindPublishedAsync(string code, CancellationToken cancellationToken)
    {
        var picture = await snapshot.GetAsync(cancellationToken);
        return picture.Resources.GetValueOrDefault(code.Trim().ToUpperInvariant());
    }
}
