using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Audit.Checkpoints;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Outbox;

namespace Tongban.Kernel.Data;

/// <summary>
/// The kernel's own tables: the audit chain and the signed checkpoints of every chain, the working-day calendar, the kernel's outbox, and the data
/// protection keys that every instance must share (cookies signed on one are read on another).
/// </summary>
public class KernelDbContext(DbContextOptions options) : DbContext(options), IOutboxContext, IDataProtectionKeyContext
{
    public const string Prefix = "kernel";

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<ChainCheckpoint> Checkpoints => Set<ChainCheckpoint>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcTicksOnSqlite(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.HasIndex(a => a.SourceMessageId).IsUnique();
            e.HasIndex(a => new { a.Subject, a.OccurredAt });
            e.HasIndex(a => new { a.Actor, a.Sequence });
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.Subject).HasMaxLength(200);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
        });
        modelBuilder.Entity<AuditHead>(e =>
        {
            e.ToTable("audit_heads");
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.LastHash).HasMaxLength(64);
        });
        modelBuilder.Entity<ChainCheckpoint>(e =>
        {
            // One checkpoint per chain and sequence: instances that sign the same head store it once.
            e.ToTable("chain_checkpoints");
            e.HasKey(c => new { c.Chain, c.Sequence });
            e.Property(c => c.Chain).HasMaxLength(100);
            e.Property(c => c.HeadHash).HasMaxLength(64);
            e.Property(c => c.Algorithm).HasMaxLength(20);
            e.Property(c => c.KeyId).HasMaxLength(16);
            e.Property(c => c.Signature).HasMaxLength(200);
        });
        modelBuilder.Entity<CalendarDay>(e =>
        {
            e.ToTable("calendar_days");
            e.HasKey(d => d.Date);
            e.Property(d => d.Name).HasMaxLength(50);
            e.Property(d => d.NameEn).HasMaxLength(100);
        });
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.MapOutbox();
        modelBuilder.PrefixTables(Prefix);
    }
}

internal sealed class KernelSqliteContext(DbContextOptions<KernelSqliteContext> options) : KernelDbContext(options);

internal sealed class KernelPostgresContext(DbContextOptions<KernelPostgresContext> options) : KernelDbContext(options);
