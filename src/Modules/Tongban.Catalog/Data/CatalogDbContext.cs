using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tongban.Catalog.Domain;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;

namespace Tongban.Catalog.Data;

internal class CatalogDbContext(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public const string Prefix = "cat";

    public DbSet<ServiceItem> Items => Set<ServiceItem>();
    public DbSet<ItemVersion> Versions => Set<ItemVersion>();
    public DbSet<ItemListing> Listings => Set<ItemListing>();
    public DbSet<Bundle> Bundles => Set<Bundle>();
    public DbSet<SynonymGroup> Synonyms => Set<SynonymGroup>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Elements are one JSON document per version: enums as their names, so a diff reads as the guide does.</summary>
    internal static JsonSerializerOptions ElementJson => JsonColumns.Options;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.AddEntityIds(typeof(CatalogDbContext).Assembly);
        configurationBuilder.UseUtcTicksOnSqlite(Database);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceItem>(e =>
        {
            e.HasIndex(i => i.ImplementationCode).IsUnique();
            e.HasIndex(i => i.BasicCode);
            e.Property(i => i.BasicCode).HasMaxLength(12);
            e.Property(i => i.ImplementationCode).HasMaxLength(36);
            e.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(i => i.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<ItemVersion>(e =>
        {
            e.ToTable("item_versions");
            e.HasKey(v => new { v.ItemId, v.Number });
            // An immutable record: a new document is a new instance, so reference equality detects changes cheaply.
            e.Property(v => v.Elements).HasConversion(new ValueConverter<ItemElements, string>(
                v => JsonSerializer.Serialize(v, ElementJson), s => JsonSerializer.Deserialize<ItemElements>(s, ElementJson)!),
                new ValueComparer<ItemElements>((a, b) => ReferenceEquals(a, b), v => v.GetHashCode(), v => v));
        });
        modelBuilder.Entity<ItemListing>(e =>
        {
            e.HasKey(l => l.ItemId);
            e.HasIndex(l => l.DepartmentCreditCode);
            e.HasIndex(l => new { l.Status, l.Name });
            e.Ignore(l => l.ThemeList);
            e.Ignore(l => l.LifeEventList);
        });
        modelBuilder.Entity<Bundle>(e =>
        {
            e.HasKey(b => b.Code);
            e.Property(b => b.BasicCodes).HasJsonConversion();
        });
        modelBuilder.Entity<SynonymGroup>(e =>
        {
            e.ToTable("synonyms");
            e.Property(s => s.Terms).HasJsonConversion();
        });
        modelBuilder.MapOutbox();
        modelBuilder.PrefixTables(Prefix);
    }
}

internal sealed class CatalogSqliteContext(DbContextOptions<CatalogSqliteContext> options) : CatalogDbContext(options);

internal sealed class CatalogPostgresContext(DbContextOptions<CatalogPostgresContext> options) : CatalogDbContext(options);

internal sealed class CatalogSqliteDesignFactory : IDesignTimeDbContextFactory<CatalogSqliteContext>
{
    public CatalogSqliteContext CreateDbContext(string[] args) => DesignTime.Sqlite<CatalogSqliteContext>(CatalogDbContext.Prefix, o => new(o));
}

internal sealed class CatalogPostgresDesignFactory : IDesignTimeDbContextFactory<CatalogPostgresContext>
{
    public CatalogPostgresContext CreateDbContext(string[] args) => DesignTime.Postgres<CatalogPostgresContext>(CatalogDbContext.Prefix, o => new(o));
}
