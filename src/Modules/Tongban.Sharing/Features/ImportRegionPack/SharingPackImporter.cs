using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Sharing.Data;
using Tongban.Sharing.Domain;
using Tongban.Sharing.Features.LookUpGrants;
using Tongban.Sharing.Features.ManageResources;

namespace Tongban.Sharing.Features.ImportRegionPack;

/// <summary>
/// Loads a region pack's resources.json: the published resource catalog of the demo departments. Every entry
/// is checked (terms, items, provider, registry fields) before anything is written; any error refuses the file.
/// </summary>
internal sealed class SharingPackImporter(SharingDbContext db, ManageResources.ManageResources resources, ChangeSignals signals, TimeProvider clock) : IRegionPackImporter
{
    public const string File = "resources.json";

    public int Order => 40;

    public string Name => "sharing";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) => db.Resources.AnyAsync(cancellationToken);

    public async Task<string> ImportAsync(RegionPack pack, CancellationToken cancellationToken)
    {
        if (!pack.Has(File)) return $"sharing: no {File}";
        var forms = await ReadAsync(pack, cancellationToken);
        var errors = new List<DomainError>();
        var loaded = new List<DataResource>();
        var registrant = $"region:{pack.Name}";
        var at = clock.GetUtcNow();
        foreach (var (form, index) in forms.Select((f, i) => (f, i + 1)))
        {
            try
            {
                var details = form.ToDetails().Normalized();
                var resource = DataResource.Register(form.Code?.Trim().ToUpperInvariant() ?? "", details, await resources.CheckReferencesAsync(details, cancellationToken), registrant, at);
                resource.Submit(registrant, at);
                resource.Approve(Actor.System, at);
                loaded.Add(resource);
            }
            catch (DomainException ex)
            {
                errors.AddRange(PackErrors.OfEntry(ex.Errors, File, index, form.Code, form.Code));
            }
        }
        errors.AddRange(loaded.GroupBy(r => r.Code).Where(g => g.Count() > 1)
            .Select(g => new DomainError("pack.duplicate", $"{File}中资源代码“{g.Key}”重复", $"{File} repeats the code '{g.Key}'", ErrorKind.Conflict, $"{File}, code")));
        if (errors.Count > 0) throw new DomainException(errors);

        db.Resources.AddRange(loaded);
        var summary = $"sharing: {loaded.Count} resources published ({loaded.Count(r => r.Working.Registry is not null)} base registries)";
        db.Audit(new AuditRecord(Actor.System, "sharing.region_pack_imported", $"region:{pack.Name}", summary, at));
        await db.SaveChangesAsync(cancellationToken);
        await signals.AnnounceAsync(ChangeTopics.Sharing, cancellationToken);
        return summary;
    }

    private static async Task<List<ResourceForm>> ReadAsync(RegionPack pack, CancellationToken ct)
    {
        await using var stream = System.IO.File.OpenRead(pack.PathOf(File));
        try
        {
            return await JsonSerializer.DeserializeAsync<List<ResourceForm>>(stream, JsonColumns.Options, ct) ?? [];
        }
        catch (JsonException ex)
        {
            throw new DomainException(new DomainError("pack.json", $"{File}不是有效的JSON：{ex.Message}", $"{File} is not valid JSON: {ex.Message}", Field: File));
        }
    }
}
