using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tongban.Federation.Domain;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;

namespace Tongban.Federation.Data;

internal class FederationDbContext(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public const string Prefix = "fed";

    public DbSet<OutgoingRecord> Outgoing => Set<OutgoingRecord>();
    public DbSet<ReceivedRecord> Records => Set<ReceivedRecord>();
    public DbSet<ExchangeEntry> Exchanges => Set<ExchangeEntry>();
    public DbSet<CatalogPull> CatalogPulls => Set<CatalogPull>();
    public DbSet<CatalogEntryState> CatalogEntries => Set<CatalogEntryState>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcTicksOnSqlite(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutgoingRecord>(e =>
        {
            e.ToTable("outgoing");
            e.HasKey(r => new { r.Kind, r.Key });
            e.Property(r => r.Kind).HasMaxLength(16);
            e.Property(r => r.Key).HasMaxLength(80);
            e.Property(r => r.ItemCode).HasMaxLength(60);
            e.Property(r => r.LastError).HasMaxLength(500);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Property(r => r.NextAttemptAt).IsConcurrencyToken(); // a push's lease: two instances cannot take one row (OutgoingRecord.Lease)
            // The pusher takes the due rows, longest due first, from an index of the rows not yet sent only: it stays as
            // small as the backlog while sent rows pile up ("NOT sent" is the very term the query has, as SQLite needs to
            // use a partial index; an index led by the flag is not used for "NOT sent" there). The status page reads
            // the last acknowledgement; reconciliation reads a kind's day.
            e.HasIndex(r => r.NextAttemptAt).HasFilter("NOT sent");
            e.HasIndex(r => r.SentAt);
            e.HasIndex(r => new { r.Kind, r.Day });
        });
        modelBuilder.Entity<ReceivedRecord>(e =>
        {
            e.ToTable("records");
            e.HasKey(r => new { r.City, r.Kind, r.Key });
            e.Property(r => r.City).HasMaxLength(16);
            e.Property(r => r.Kind).HasMaxLength(16);
            e.Property(r => r.Key).HasMaxLength(80);
            e.Property(r => r.ItemCode).HasMaxLength(60);
            e.Property(r => r.HeldReason).HasMaxLength(32);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Ignore(r => r.Held);
            e.HasIndex(r => new { r.City, r.Kind, r.Day });
        });
        modelBuilder.Entity<ExchangeEntry>(e =>
        {
            e.ToTable("exchanges");
            e.HasKey(x => x.Id);
            e.Property(x => x.City).HasMaxLength(16);
            e.Property(x => x.Type).HasMaxLength(16);
            e.Property(x => x.BatchKey).HasMaxLength(64);
            e.Property(x => x.Refusal).HasMaxLength(32);
            e.HasIndex(x => new { x.City, x.Type, x.At });
        });
        modelBuilder.Entity<CatalogPull>(e =>
        {
            e.ToTable("catalog_pulls");
            e.HasKey(p => p.Id);
            e.Property(p => p.Cursor).HasMaxLength(64);
            e.Property(p => p.Failure).HasMaxLength(32);
        });
        modelBuilder.Entity<CatalogEntryState>(e =>
        {
            e.ToTable("catalog_entries");
            e.HasKey(x => x.ImplementationCode);
            e.Property(x => x.ImplementationCode).HasMaxLength(40);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Outcome).HasMaxLength(16);
            e.Property(x => x.ReasonZh).HasMaxLength(2000);
            e.Property(x => x.ReasonEn).HasMaxLength(2000);
            e.HasIndex(x => x.Outcome);
        });
        modelBuilder.MapOutbox();
        modelBuilder.PrefixTables(Prefix);
    }
}

internal sealed class FederationSqliteContext(DbContextOptions<FederationSqliteContext> options) : FederationDbContext(options);

internal sealed class FederationPostgresContext(DbContextOptions<FederationPostgresContext> options) : FederationDbContext(options);

internal sealed class FederationSqliteDesignFactory : IDesignTimeDbContextFactory<FederationSqliteContext>
{
    public FederationSqliteContext CreateDbContext(string[] args) => DesignTime.Sqlite<FederationSqliteContext>(FederationDbContext.Prefix, o => new(o));
}

internal sealed class FederationPostgresDesignFactory : IDesignTimeDbContextFactory<FederationPostgresContext>
{
    public FederationPostgresContext CreateDbContext(string[] args) => DesignTime.Postgres<FederationPostgresContext>(FederationDbContext.Prefix, o => new(o));
}
