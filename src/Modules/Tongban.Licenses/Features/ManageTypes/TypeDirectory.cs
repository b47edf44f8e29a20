using Microsoft.EntityFrameworkCore;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.ManageTypes;

/// <summary>A license type under its published version.</summary>
internal sealed record PublishedType(string Code, int Version, TypeDefinition Definition);

/// <summary>The published license catalog as other features ask it: by code, by producing item, by the material a type replaces.</summary>
internal sealed class TypeDirectory(LicensesDbContext db)
{
    public async Task<IReadOnlyList<PublishedType>> PublishedAsync(CancellationToken ct) =>
        [.. (await db.Types.AsNoTracking().Where(t => t.State == TypeState.Published).ToListAsync(ct))
            .Select(t => (t.Code, Version: t.Published!)).Select(t => new PublishedType(t.Code, t.Version.Number, t.Version.Definition))];

    public async Task<PublishedType?> FindAsync(string code, CancellationToken ct)
    {
        var wanted = (code ?? "").Trim().ToUpperInvariant();
        return (await PublishedAsync(ct)).FirstOrDefault(t => t.Code == wanted);
    }

    /// <summary>The types a concluded case of this item produces.</summary>
    public async Task<IReadOnlyList<PublishedType>> ProducedByAsync(string itemCode, CancellationToken ct) =>
        [.. (await PublishedAsync(ct)).Where(t => t.Definition.Items.Contains(itemCode, StringComparer.Ordinal))];

    /// <summary>The type a catalog material's "license" names: by type code, by name, or by a material name the type replaces.</summary>
    public async Task<PublishedType?> ForMaterialAsync(string license, CancellationToken ct) => Match(await PublishedAsync(ct), license);

    /// <summary>Among <paramref name="types"/>, the one <paramref name="license"/> names: by type code, by name, or by a material name the type replaces.</summary>
    public static PublishedType? Match(IReadOnlyList<PublishedType> types, string? license)
    {
        var name = (license ?? "").Trim();
        var code = name.ToUpperInvariant();
        return types.FirstOrDefault(t => t.Code == code) ?? types.FirstOrDefault(t => t.Definition.Name == name)
            ?? types.FirstOrDefault(t => t.Definition.Materials.Contains(name, StringComparer.Ordinal));
    }

    /// <summary>The definition a license was issued under (its type version), for labels and the template.</summary>
    public async Task<TypeDefinition?> VersionAsync(string code, int version, CancellationToken ct) =>
        (await db.Types.AsNoTracking().SingleOrDefaultAsync(t => t.Code == code, ct))?.Versions.FirstOrDefault(v => v.Number == version)?.Definition;
}
