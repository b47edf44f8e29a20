using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Import;
using Tongban.Kernel.Seeding;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;
using Tongban.Registries.Domain;

namespace Tongban.Registries.Features.DepartmentFacts;

/// <summary>
/// Loads a region pack's <c>department_facts.csv</c> (fact, name, name_en, resource, purpose, item, item_name, item_name_en;
/// one line per item, a fact's lines together): the facts departments' own systems keep, which catalog materials name
/// like registry facts. Every line is checked before anything is written; a pack without the file has none.
/// </summary>
internal sealed class DepartmentFactImporter(RegistriesDbContext db) : IRegionPackImporter
{
    private const string File = "department_facts.csv";

    public int Order => 45; // after the sharing catalog, whose resources the facts are read through

    public string Name => "department facts";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) => db.DepartmentFacts.AnyAsync(cancellationToken);

    public async Task<string> ImportAsync(RegionPack pack, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(pack.PathOf(File))) return $"{File}: none";
        using var reader = new StreamReader(pack.PathOf(File));
        var rows = CsvTable.Read(reader, File, "fact", "name", "name_en", "resource", "purpose", "item", "item_name", "item_name_en");
        var errors = new List<DomainError>();
        var facts = new List<DepartmentFact>();
        foreach (var lines in rows.GroupBy(r => r["fact"]))
        {
            var first = lines.First();
            if (lines.Key.Length is 0 or > 60 || RegistryResources.NameOf(lines.Key) is not null)
                errors.Add(first.Error("fact", new DomainError("department_fact.name", "数据项组合名称须为1至60个字符，且不与基础库的重名",
                    "A fact's name has 1 to 60 characters and is not a registry fact's")));
            if (lines.Any(l => l["name"] != first["name"] || l["name_en"] != first["name_en"] || l["resource"] != first["resource"] || l["purpose"] != first["purpose"]))
                errors.Add(first.Error("fact", new DomainError("department_fact.lines_differ", "同一数据项组合的各行名称、资源和用途须相同",
                    "The lines of one fact give the same names, resource and purpose")));
            var duplicate = lines.GroupBy(l => l["item"]).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                errors.Add(duplicate.Last().Error("item", new DomainError("department_fact.item_twice", "同一数据项出现了两次", "The item is listed twice")));
            facts.Add(new DepartmentFact(lines.Key, first["name"], first["name_en"], first["resource"], first["purpose"],
                [.. lines.Select(l => new DepartmentFactItem(l["item"], l["item_name"], l["item_name_en"]))]));
        }
        if (errors.Count > 0) throw new DomainException(errors);
        db.DepartmentFacts.AddRange(facts);
        await db.SaveChangesAsync(cancellationToken);
        return $"{File}: {facts.Count} facts";
    }
}
