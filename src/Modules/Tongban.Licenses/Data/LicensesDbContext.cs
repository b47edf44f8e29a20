using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Signing;

namespace Tongban.Licenses.Data;

internal class LicensesDbContext(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public const string Prefix = "lic";

    public DbSet<LicenseType> Types => Set<LicenseType>();
    public DbSet<License> Licenses => Set<License>();
    public DbSet<SealKey> SealKeys => Set<SealKey>();
    public DbSet<Sequence> Sequences => Set<Sequence>();
    public DbSet<LicenseUse> Uses => Set<LicenseUse>();
    public DbSet<ShareLink> Shares => Set<ShareLink>();
    public DbSet<CaseIssue> CaseIssues => Set<CaseIssue>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportRejection> ImportRejections => Set<ImportRejection>();
    public DbSet<StatusList> StatusLists => Set<StatusList>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.AddEntityIds(typeof(LicensesDbContext).Assembly);
        configurationBuilder.UseUtcTicksOnSqlite(Database);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LicenseType>(e =>
        {
            e.ToTable("types");
            e.HasIndex(t => t.Code).IsUnique();
            e.Property(t => t.Code).HasMaxLength(LicenseTypeCode.Length);
            e.HasMany(t => t.Versions).WithOne().HasForeignKey(v => v.TypeId);
            e.Navigation(t => t.Versions).AutoInclude().UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<LicenseTypeVersion>(e =>
        {
            e.ToTable("type_versions");
            e.HasKey(v => new { v.TypeId, v.Number });
            e.Property(v => v.Definition).HasJson();
            e.Property(v => v.EditedBy).HasMaxLength(120);
            e.Property(v => v.SubmittedBy).HasMaxLength(120);
            e.Property(v => v.ReviewedBy).HasMaxLength(120);
            e.Property(v => v.Opinion).HasMaxLength(1000);
        });
        modelBuilder.Entity<License>(e =>
        {
            e.HasIndex(l => l.Identifier).IsUnique();
            // The holder's code (an ID number, or a credit code) is sealed at rest and found by its blind index: the
            // wallet, a material's offer. The signed document carries it too, so it is sealed as well.
            e.HasIndex(e.HasPersonalData(l => l.HolderCode, indexed: false), nameof(License.TypeCode));
            e.HasPersonalData(l => l.SignedJson, indexed: false, document: true);
            e.HasIndex(l => new { l.TypeCode, l.IssuerCode, l.Number }); // duplicate numbers on import
            e.HasIndex(l => new { l.IssuerCode, l.StatusIndex }).IsUnique();
            e.HasIndex(l => l.SourceKey).IsUnique(); // idempotent by case, by import line, by renewed license
            e.HasIndex(l => new { l.IssuerCode, l.IssuedAt }); // the admin list, and one department's statistics
            e.HasIndex(l => new { l.IssuedAt, l.IssuerCode, l.Source }); // every department's statistics: a month's range, covered
            e.Property(l => l.Identifier).HasMaxLength(LicenseIdentifier.MaxLength);
            e.Property(l => l.TypeCode).HasMaxLength(32);
            e.Property(l => l.Serial).HasMaxLength(32);
            e.Property(l => l.IssuerCode).HasMaxLength(32);
            e.Property(l => l.HolderName).HasMaxLength(100);
            e.Property(l => l.Number).HasMaxLength(100);
            e.Property(l => l.SourceKey).HasMaxLength(200);
            e.Property(l => l.KeyId).HasMaxLength(80);
            e.Property(l => l.IssuedBy).HasMaxLength(120);
            e.Property(l => l.History).HasJsonConversion();
            e.Property(l => l.UpdatedAt).IsConcurrencyToken();
            e.Ignore(l => l.Holder);
        });
        modelBuilder.Entity<SealKey>(e =>
        {
            e.ToTable("seal_keys");
            e.Property(k => k.Id).HasMaxLength(80);
            e.Property(k => k.Authority).HasMaxLength(32);
            e.Property(k => k.SealedWith).HasMaxLength(32);
            // One current key per authority and purpose; a race to create it leaves one winner.
            e.HasIndex(k => new { k.Authority, k.Purpose }).IsUnique().HasFilter("retired_at IS NULL");
        });
        modelBuilder.Entity<Sequence>(e =>
        {
            e.ToTable("sequences");
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<LicenseUse>(e =>
        {
            e.ToTable("uses");
            e.HasIndex(u => new { u.LicenseId, u.At }); // "who used my license", newest first
            e.HasIndex(u => new { u.Kind, u.At }); // statistics
            e.Property(u => u.Who).HasMaxLength(120);
            e.Property(u => u.Department).HasMaxLength(32);
            e.Property(u => u.Purpose).HasMaxLength(200);
            e.Property(u => u.Result).HasMaxLength(40);
        });
        modelBuilder.Entity<ShareLink>(e =>
        {
            e.ToTable("shares");
            e.HasIndex(s => s.TokenHash).IsUnique();
            e.HasIndex(s => s.LicenseId);
            e.Property(s => s.TokenHash).HasMaxLength(64);
        });
        modelBuilder.Entity<CaseIssue>(e =>
        {
            e.ToTable("case_issues");
            e.HasKey(c => new { c.CaseId, c.TypeCode });
            e.HasIndex(c => c.At);
            e.Property(c => c.TypeCode).HasMaxLength(32);
            e.Property(c => c.CaseNumber).HasMaxLength(24);
            e.Property(c => c.ItemCode).HasMaxLength(36);
            e.Property(c => c.IssuerCode).HasMaxLength(32);
            e.Property(c => c.Identifier).HasMaxLength(LicenseIdentifier.MaxLength);
            e.Property(c => c.ReasonZh).HasMaxLength(500);
            e.Property(c => c.ReasonEn).HasMaxLength(500);
        });
        modelBuilder.Entity<ImportRun>(e =>
        {
            e.ToTable("import_runs");
            e.HasIndex(r => new { r.Fingerprint, r.State });
            e.Property(r => r.FileName).HasMaxLength(260);
            e.Property(r => r.Fingerprint).HasMaxLength(64);
            e.Property(r => r.Actor).HasMaxLength(120);
        });
        modelBuilder.Entity<ImportRejection>(e =>
        {
            e.ToTable("import_rejections");
            e.HasIndex(r => new { r.RunId, r.Line }).IsUnique();
            e.HasIndex(r => new { r.State, r.TypeCode, r.IssuerCode });
            e.Property(r => r.TypeCode).HasMaxLength(32);
            e.Property(r => r.IssuerCode).HasMaxLength(32);
            e.Property(r => r.Identifier).HasMaxLength(LicenseIdentifier.MaxLength);
            e.Property(r => r.ResolvedBy).HasMaxLength(120);
            e.Property(r => r.Note).HasMaxLength(500);
            // The refused line as it came (the holder's ID number or credit code among its cells) and its reasons (which
            // may quote a cell) are sealed at rest like a license's holder code and signed document; nothing looks them up.
            e.HasPersonalData(r => r.RecordJson, indexed: false, document: true);
            e.HasPersonalData(r => r.ReasonsJson, indexed: false, document: true);
            e.Ignore(r => r.Record);
            e.Ignore(r => r.Reasons);
        });
        modelBuilder.Entity<StatusList>(e =>
        {
            e.ToTable("status_lists");
            e.HasKey(l => new { l.Issuer, l.Purpose });
            e.Property(l => l.Issuer).HasMaxLength(32);
            e.Property(l => l.Purpose).HasMaxLength(20);
            e.Property(l => l.Revision).IsConcurrencyToken();
        });
        modelBuilder.MapOutbox();
        modelBuilder.PrefixTables(Prefix);
        modelBuilder.SealPersonalData(this);
    }
}

/// <summary>A named counter (serials per type and issuer, status-list places per issuer), advanced by one atomic upsert.</summary>
internal sealed class Sequence
{
    public string Name { get; private set; } = "";
    public long Last { get; private set; }
}

internal static class JsonRecordColumns
{
    /// <summary>A positional record stored as JSON text (<see cref="JsonColumns.Options"/>), compared by its text.</summary>
    public static PropertyBuilder<T> HasJson<T>(this PropertyBuilder<T> property) where T : class => property.HasConversion(
        v => JsonSerializer.Serialize(v, JsonColumns.Options),
        s => JsonSerializer.Deserialize<T>(s, JsonColumns.Options)!,
        new ValueComparer<T>(
            (a, b) => JsonSerializer.Serialize(a, JsonColumns.Options) == JsonSerializer.Serialize(b, JsonColumns.Options),
            v => JsonSerializer.Serialize(v, JsonColumns.Options).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonColumns.Options), JsonColumns.Options)!));
}

internal sealed class LicensesSqliteContext(DbContextOptions<LicensesSqliteContext> options) : LicensesDbContext(options);

internal sealed class LicensesPostgresContext(DbContextOptions<LicensesPostgresContext> options) : LicensesDbContext(options);

internal sealed class LicensesSqliteDesignFactory : IDesignTimeDbContextFactory<LicensesSqliteContext>
{
    public LicensesSqliteContext CreateDbContext(string[] args) => DesignTime.Sqlite<LicensesSqliteContext>(LicensesDbContext.Prefix, o => new(o));
}

internal sealed class LicensesPostgresDesignFactory : IDesignTimeDbContextFactory<LicensesPostgresContext>
{
    public LicensesPostgresContext CreateDbContext(string[] args) => DesignTime.Postgres<LicensesPostgresContext>(LicensesDbContext.Prefix, o => new(o));
}
