using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Kernel.Data;
using Tongban.Statistics.Domain;

namespace Tongban.Statistics.Data;

internal class StatisticsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Prefix = "st";

    public DbSet<CaseFact> Cases => Set<CaseFact>();
    public DbSet<OnSiteRatingFact> OnSiteRatings => Set<OnSiteRatingFact>();
    public DbSet<DailyFigures> Daily => Set<DailyFigures>();
    public DbSet<MonthlyFigures> Monthly => Set<MonthlyFigures>();
    public DbSet<AppliedEvent> Applied => Set<AppliedEvent>();
    public DbSet<PublishedMonth> Published => Set<PublishedMonth>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcTicksOnSqlite(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CaseFact>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.CaseId);
            e.Property(c => c.CaseId).ValueGeneratedNever();
            e.Property(c => c.CaseNumber).HasMaxLength(40);
            Place(e);
            // The drill-down lists and the rebuild find facts by a milestone's day.
            e.HasIndex(c => new { c.DepartmentCode, c.ReceivedOn });
            e.HasIndex(c => new { c.DepartmentCode, c.ConcludedOn });
            e.HasIndex(c => c.ReceivedOn);
            e.HasIndex(c => c.ConcludedOn);
            e.HasIndex(c => new { c.DivisionCode, c.ReceivedOn });
        });
        modelBuilder.Entity<OnSiteRatingFact>(e =>
        {
            e.ToTable("onsite_ratings");
            e.HasKey(r => r.TicketId);
            e.Property(r => r.TicketId).ValueGeneratedNever();
            e.Property(r => r.CaseNumber).HasMaxLength(40);
            Place(e);
            e.HasIndex(r => r.RatedOn);
        });
        modelBuilder.Entity<DailyFigures>(e =>
        {
            e.ToTable("daily");
            e.HasKey(d => new { d.Day, d.DepartmentCode, d.DivisionCode, d.ItemCode, d.Channel });
            RollupColumns(e);
            e.HasIndex(d => new { d.DepartmentCode, d.Day });
            e.HasIndex(d => new { d.Month, d.DepartmentCode });
            // Figures of one division (and so of a level: its divisions) over a period.
            e.HasIndex(d => new { d.DivisionCode, d.Day });
        });
        modelBuilder.Entity<MonthlyFigures>(e =>
        {
            e.ToTable("monthly");
            e.HasKey(m => new { m.Month, m.DepartmentCode, m.DivisionCode, m.ItemCode, m.Channel });
            RollupColumns(e);
            e.HasIndex(m => new { m.DepartmentCode, m.Month });
            e.HasIndex(m => new { m.DivisionCode, m.Month });
        });
        modelBuilder.Entity<AppliedEvent>(e =>
        {
            e.ToTable("applied");
            e.HasKey(a => a.MessageId);
            e.Property(a => a.MessageId).ValueGeneratedNever();
        });
        modelBuilder.Entity<PublishedMonth>(e =>
        {
            e.ToTable("published_months");
            e.HasKey(m => m.Month);
            e.Property(m => m.Month).HasMaxLength(7);
            e.Property(m => m.PublishedBy).HasMaxLength(200);
            e.Property(m => m.Rows).HasJsonConversion();
            e.Property(m => m.Revision).IsConcurrencyToken();
        });
        modelBuilder.PrefixTables(Prefix);
    }

    private static void RollupColumns<TRow>(EntityTypeBuilder<TRow> e) where TRow : RollupRow
    {
        e.Property(d => d.Month).HasMaxLength(7);
        e.Property(d => d.DepartmentCode).HasMaxLength(32);
        e.Property(d => d.DivisionCode).HasMaxLength(12);
        e.Property(d => d.ItemCode).HasMaxLength(60);
        e.Property(d => d.ItemName).HasMaxLength(200);
        e.Property(d => d.Channel).HasMaxLength(16);
        e.Property(d => d.Revision).IsConcurrencyToken();
        e.ComplexProperty(d => d.Figures);
    }

    private static void Place<TFact>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TFact> e) where TFact : Fact
    {
        e.Property(c => c.ItemCode).HasMaxLength(60);
        e.Property(c => c.ItemName).HasMaxLength(200);
        e.Property(c => c.DepartmentCode).HasMaxLength(32);
        e.Property(c => c.DivisionCode).HasMaxLength(12);
        e.Property(c => c.Channel).HasMaxLength(16);
        e.Property(c => c.Revision).IsConcurrencyToken();
    }
}

/// <summary>An outbox message already counted: delivered again, it changes nothing.</summary>
internal sealed class AppliedEvent
{
    public Guid MessageId { get; init; }

    /// <summary>The fact it changed: the case, or the ticket of a rating taken on site.</summary>
    public Guid CaseId { get; init; }
}

internal sealed class StatisticsSqliteContext(DbContextOptions<StatisticsSqliteContext> options) : StatisticsDbContext(options);

internal sealed class StatisticsPostgresContext(DbContextOptions<StatisticsPostgresContext> options) : StatisticsDbContext(options);

internal sealed class StatisticsSqliteDesignFactory : IDesignTimeDbContextFactory<StatisticsSqliteContext>
{
    public StatisticsSqliteContext CreateDbContext(string[] args) => DesignTime.Sqlite<StatisticsSqliteContext>(StatisticsDbContext.Prefix, o => new(o));
}

internal sealed class StatisticsPostgresDesignFactory : IDesignTimeDbContextFactory<StatisticsPostgresContext>
{
    public StatisticsPostgresContext CreateDbContext(string[] args) => DesignTime.Postgres<StatisticsPostgresContext>(StatisticsDbContext.Prefix, o => new(o));
}
