using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ManageTypes;

namespace Tongban.Licenses.Features.ImportRegionPack;

/// <summary>
/// Loads a region pack's license-types.json: the license catalog of the region's departments, published as it is.
/// Every entry is checked (its definition, its issuing authorities and producing items) before anything is written;
/// any error refuses the file, naming the entry.
/// </summary>
internal sealed class LicenseTypePackImporter(LicensesDbContext db, ManageTypes.ManageTypes types, TimeProvider clock) : IRegionPackImporter
{
    public const string File = "license-types.json";

    public int Order => 50;

    public string Name => "licenses";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) => db.Types.AnyAsync(cancellationToken);

    public async Task<string> ImportAsync(RegionPack pack, CancellationToken cancellationToken)
    {
        if (!pack.Has(File)) return $"licenses: no {File}";
        var forms = await ReadAsync(pack, cancellationToken);
        var errors = new List<DomainError>();
        var loaded = new List<LicenseType>();
        var at = clock.GetUtcNow();
        foreach (var (form, index) in forms.Select((f, i) => (f, i + 1)))
        {
            try
            {
                var definition = form.ToDefinition();
                await types.CheckReferencesAsync(definition, cancellationToken);
                var type = LicenseType.Create(form.Code ?? "");
                type.AcceptPublished(definition, $"region:{pack.Name}", at);
                loaded.Add(type);
            }
            catch (DomainException ex)
            {
                errors.AddRange(PackErrors.OfEntry(ex.Errors, File, index, form.Code, form.Name));
            }
        }
        errors.AddRange(loaded.GroupBy(t => t.Code).Where(g => g.Count() > 1)
            .Select(g => new DomainError("pack.duplicate", $"{File}中证照类型代码“{g.Key}”重复", $"{File} repeats the code '{g.Key}'", ErrorKind.Conflict, $"{File}, code")));
        if (errors.Count > 0) throw new DomainException(errors);

        db.Types.AddRange(loaded);
        var summary = $"licenses: {loaded.Count} license types published ({loaded.SelectMany(t => t.Published!.Definition.IssuingAuthorities).Distinct().Count()} issuing authorities)";
        db.Audit(new AuditRecord(Actor.System, "licenses.region_pack_imported", $"region:{pack.Name}", summary, at));
        await db.SaveChangesAsync(cancellationToken);
        return summary;
    }

    private static async Task<List<TypeForm>> ReadAsync(RegionPack pack, CancellationToken ct)
    {
        await using var stream = System.IO.File.OpenRead(pack.PathOf(File));
        try
        {
            return await JsonSerializer.DeserializeAsync<List<TypeForm>>(stream, JsonColumns.Options, ct) ?? [];
        }
        catch (JsonException ex)
        {
            throw new DomainException(new DomainError("pack.json", $"{File}不是有效的JSON：{ex.Message}", $"{File} is not valid JSON: {ex.Message}", Field: File));
        }
    }
}
