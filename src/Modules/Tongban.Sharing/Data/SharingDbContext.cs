using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Data;

internal class SharingDbContext(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public const string Prefix = "shr";

    public DbSet<DataResource> Resources => Set<DataResource>();
    public DbSet<AccessRequest> Requests => Set<AccessRequest>();
    public DbSet<Grant> Grants => Set<Grant>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.AddEntityIds(typeof(SharingDbContext).Assembly);
        configurationBuilder.UseUtcTicksOnSqlite(Database);
        // Statuses and terms are stored by name: the tables read as the catalog does.
        configurationBuilder.Properties<ResourceStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<RequestStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<SharingType>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ResourceClass>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataResource>(e =>
        {
            e.HasIndex(r => r.Code).IsUnique();
            e.Property(r => r.Code).HasMaxLength(24);
            e.Property(r => r.Name).HasMaxLength(ResourceDetails.MaxNameLength);
            e.Property(r => r.ProviderCreditCode).HasMaxLength(18);
            e.HasIndex(r => new { r.ProviderCreditCode, r.Status });
            e.Property(r => r.Working).HasJsonConversion();
            e.Property<ResourceDetails>(nameof(DataResource.Live)).HasJsonConversion();
            e.Ignore(r => r.IsLive);
        });
        modelBuilder.Entity<AccessRequest>(e =>
        {
            e.ToTable("access_requests");
            e.Property(r => r.ConsumerCreditCode).HasMaxLength(18);
            e.Property(r => r.ProviderCreditCode).HasMaxLength(18);
            e.Property(r => r.ResourceCode).HasMaxLength(24);
            e.HasIndex(r => new { r.Status, r.RequestedAt });
            e.Property(r => r.Fields).HasJsonConversion();
        });
        modelBuilder.Entity<Grant>(e =>
        {
            e.Property(g => g.ConsumerCreditCode).HasMaxLength(18);
            e.Property(g => g.ProviderCreditCode).HasMaxLength(18);
            e.Property(g => g.ResourceCode).HasMaxLength(24);
            e.HasIndex(g => new { g.ConsumerCreditCode, g.ResourceCode });
            e.Property(g => g.Fields).HasJsonConversion();
        });
        modelBuilder.MapOutbox();
        modelBuilder.PrefixTables(Prefix);
    }
}

internal sealed class SharingSqliteContext(DbContextOptions<SharingSqliteContext> options) : SharingDbContext(options);

internal sealed class SharingPostgresContext(DbContextOptions<SharingPostgresContext> options) : SharingDbContext(options);

internal sealed class SharingSqliteDesignFactory : IDesignTimeDbContextFactory<SharingSqliteContext>
{
    public SharingSqliteContext CreateDbContext(string[] args) => DesignTime.Sqlite<SharingSqliteContext>(SharingDbContext.Prefix, o => new(o));
}

internal sealed class SharingPostgresDesignFactory : IDesignTimeDbContextFactory<SharingPostgresContext>
{
    public SharingPostgresContext CreateDbContext(string[] args) => DesignTime.Postgres<SharingPostgresContext>(SharingDbContext.Prefix, o => new(o));
}
