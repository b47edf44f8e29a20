using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;
using Tongban.Registries.Domain;

namespace Tongban.Registries.Data;

internal class RegistriesDbContext(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public const string Prefix = "reg";

    public DbSet<Person> Persons => Set<Person>();
    public DbSet<LegalEntity> LegalEntities => Set<LegalEntity>();
    public DbSet<GeoFeature> GeoFeatures => Set<GeoFeature>();
    public DbSet<CreditEntry> CreditEntries => Set<CreditEntry>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<AccessLogHead> AccessLogHeads => Set<AccessLogHead>();
    public DbSet<AccessCount> AccessCounts => Set<AccessCount>();
    public DbSet<RegistrySecret> Secrets => Set<RegistrySecret>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<DepartmentFact> DepartmentFacts => Set<DepartmentFact>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.UseUtcTicksOnSqlite(Database);
        configurationBuilder.Properties<PersonStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<EntityStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<GeoKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CreditList>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<ImportStatus>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Person>(e =>
        {
            // The key is sealed: its blind index is the key column of the versions' index.
            e.HasKey(r => r.Id);
            e.HasIndex(e.HasPersonalData(p => p.IdNumber, indexed: false), nameof(RegistryRecord.ValidFrom)).IsUnique();
            e.Property(p => p.Name).HasMaxLength(50);
            e.Property(p => p.Ethnicity).HasMaxLength(20);
            e.Property(p => p.Address).HasMaxLength(200);
            e.Property(p => p.DivisionCode).HasMaxLength(12);
            e.Property(p => p.HouseholdNumber).HasMaxLength(20);
            e.Property(p => p.RelationToHead).HasMaxLength(20);
            e.Property(p => p.MaritalStatus).HasMaxLength(10);
            e.HasIndex(p => p.HouseholdNumber);
        });
        modelBuilder.Entity<LegalEntity>(e =>
        {
            Versioned(e, nameof(LegalEntity.CreditCode), 18);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.EntityType).HasMaxLength(50);
            e.Property(p => p.LegalRepresentative).HasMaxLength(50);
            e.HasPersonalData(p => p.LegalRepresentativeIdNumber);
            e.Property(p => p.Address).HasMaxLength(200);
            e.Property(p => p.DivisionCode).HasMaxLength(12);
            e.Property(p => p.BusinessScope).HasMaxLength(2000);
        });
        modelBuilder.Entity<GeoFeature>(e =>
        {
            Versioned(e, nameof(GeoFeature.Code), 40);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.DivisionCode).HasMaxLength(12);
            e.HasIndex(p => p.DivisionCode);
        });
        modelBuilder.Entity<CreditEntry>(e =>
        {
            Versioned(e, nameof(CreditEntry.EntryNumber), 60);
            e.HasPersonalData(p => p.SubjectCode); // a person's ID number or an entity's credit code; looked up by its index
            e.Property(p => p.SubjectName).HasMaxLength(200);
            e.Property(p => p.Reason).HasMaxLength(500);
            e.Property(p => p.SourceDepartment).HasMaxLength(18);
        });
        modelBuilder.Entity<DepartmentFact>(e =>
        {
            e.HasKey(f => f.Name);
            e.Property(f => f.Name).HasMaxLength(60);
            e.Property(f => f.Chinese).HasMaxLength(100);
            e.Property(f => f.English).HasMaxLength(100);
            e.Property(f => f.Resource).HasMaxLength(60);
            e.Property(f => f.Purpose).HasMaxLength(200);
            e.Property(f => f.Items).HasJsonConversion().HasMaxLength(4000);
        });
        modelBuilder.Entity<AccessLogEntry>(e =>
        {
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.Caller).HasMaxLength(100);
            e.Property(a => a.CallerDepartment).HasMaxLength(18);
            e.Property(a => a.OnBehalfOf).HasMaxLength(100);
            e.Property(a => a.Purpose).HasMaxLength(200);
            e.Property(a => a.Resource).HasMaxLength(60);
            e.Property(a => a.Registry).HasMaxLength(30);
            e.Property(a => a.SubjectHash).HasMaxLength(64);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => a.SubjectHash);
        });
        modelBuilder.Entity<AccessCount>(e =>
        {
            e.HasKey(c => new { c.Day, c.Department, c.Resource });
            e.Property(c => c.Department).HasMaxLength(100);
            e.Property(c => c.Resource).HasMaxLength(60);
        });
        modelBuilder.Entity<AccessLogHead>(e =>
        {
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.LastHash).HasMaxLength(64);
        });
        modelBuilder.Entity<RegistrySecret>(e =>
        {
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(40);
        });
        modelBuilder.Entity<ImportRun>(e =>
        {
            e.Property(r => r.Registry).HasMaxLength(30);
            e.Property(r => r.FileName).HasMaxLength(260);
            e.Property(r => r.Fingerprint).HasMaxLength(64);
            e.HasIndex(r => new { r.Registry, r.Fingerprint });
        });
        modelBuilder.MapOutbox();
        modelBuilder.PrefixTables(Prefix);
        modelBuilder.SealPersonalData(this);
    }

    /// <summary>
    /// Versions of a record share its key; one index on (key, valid_from) serves the current version
    /// (key = ? AND valid_to IS NULL), the history in order, and the importer's merge.
    /// </summary>
    private static void Versioned<T>(EntityTypeBuilder<T> e, string key, int length) where T : RegistryRecord
    {
        e.HasKey(r => r.Id);
        e.Property<string>(key).HasMaxLength(length);
        e.HasIndex(key, nameof(RegistryRecord.ValidFrom)).IsUnique();
    }
}

internal sealed class RegistriesSqliteContext(DbContextOptions<RegistriesSqliteContext> options) : RegistriesDbContext(options);

internal sealed class RegistriesPostgresContext(DbContextOptions<RegistriesPostgresContext> options) : RegistriesDbContext(options);

internal sealed class RegistriesSqliteDesignFactory : IDesignTimeDbContextFactory<RegistriesSqliteContext>
{
    public RegistriesSqliteContext CreateDbContext(string[] args) =>
        DesignTime.Sqlite<RegistriesSqliteContext>(RegistriesDbContext.Prefix, o => new(o));
}

internal sealed class RegistriesPostgresDesignFactory : IDesignTimeDbContextFactory<RegistriesPostgresContext>
{
    public RegistriesPostgresContext CreateDbContext(string[] args) =>
        DesignTime.Postgres<RegistriesPostgresContext>(RegistriesDbContext.Prefix, o => new(o));
}
