using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Data;

internal class OrganizationDbContext(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public const string Prefix = "org";

    public DbSet<Division> Divisions => Set<Division>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Hall> Halls => Set<Hall>();
    public DbSet<Window> Windows => Set<Window>();
    public DbSet<Station> Stations => Set<Station>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.AddEntityIds(typeof(OrganizationDbContext).Assembly);
        configurationBuilder.UseUtcTicksOnSqlite(Database);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Division>(e =>
        {
            e.HasKey(d => d.Code);
            e.Property(d => d.Code).HasMaxLength(12);
            e.Property(d => d.Name).HasMaxLength(100);
            e.Property(d => d.ParentCode).HasMaxLength(12);
            e.HasIndex(d => d.ParentCode);
        });
        modelBuilder.Entity<Department>(e =>
        {
            e.HasIndex(d => d.CreditCode).IsUnique();
            e.Property(d => d.CreditCode).HasMaxLength(18);
            e.Property(d => d.Name).HasMaxLength(100);
            e.Property(d => d.DivisionCode).HasMaxLength(12);
            e.HasIndex(d => d.DivisionCode);
        });
        modelBuilder.Entity<Hall>(e =>
        {
            e.HasIndex(h => h.Slug).IsUnique();
            e.Property(h => h.Slug).HasMaxLength(60);
            e.Property(h => h.Name).HasMaxLength(100);
            e.Property(h => h.DivisionCode).HasMaxLength(12);
            e.Property(h => h.OpeningHours).HasJsonConversion();
            e.Property(h => h.Figures).HasJsonConversion();
            e.Property(h => h.ExtraSessions).HasJsonConversion();
            e.HasMany(h => h.Windows).WithOne().HasForeignKey(w => w.HallId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(h => h.Windows).HasField("_windows").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<Window>(e =>
        {
            e.HasIndex(w => new { w.HallId, w.Number }).IsUnique();
            e.HasIndex(w => w.DepartmentId);
            e.HasOne<Department>().WithMany().HasForeignKey(w => w.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            e.Property(w => w.Number).HasMaxLength(20);
        });
        modelBuilder.Entity<Station>(e =>
        {
            e.HasIndex(s => s.Key).IsUnique();
            e.Property(s => s.Key).HasMaxLength(60);
            e.HasIndex(s => s.DivisionCode);
            e.Property(s => s.Staff).HasJsonConversion();
        });
        modelBuilder.MapOutbox();
        modelBuilder.PrefixTables(Prefix);
    }

    /// <summary>Refuses a reference to a division that is not stored, naming the field that holds it.</summary>
    public async Task EnsureDivisionExistsAsync(string code, CancellationToken ct)
    {
        if (!await Divisions.AnyAsync(d => d.Code == code, ct))
            throw new DomainException(new DomainError("division.unknown", $"行政区划{code}不存在", $"Division {code} does not exist", Field: "division_code"));
    }
}

internal sealed class OrganizationSqliteContext(DbContextOptions<OrganizationSqliteContext> options) : OrganizationDbContext(options);

internal sealed class OrganizationPostgresContext(DbContextOptions<OrganizationPostgresContext> options) : OrganizationDbContext(options);

internal sealed class OrganizationSqliteDesignFactory : IDesignTimeDbContextFactory<OrganizationSqliteContext>
{
    public OrganizationSqliteContext CreateDbContext(string[] args) =>
        DesignTime.Sqlite<OrganizationSqliteContext>(OrganizationDbContext.Prefix, o => new(o));
}

internal sealed class OrganizationPostgresDesignFactory : IDesignTimeDbContextFactory<OrganizationPostgresContext>
{
    public OrganizationPostgresContext CreateDbContext(string[] args) =>
        DesignTime.Postgres<OrganizationPostgresContext>(OrganizationDbContext.Prefix, o => new(o));
}
