using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Notifications.Domain;

namespace Tongban.Notifications.Data;

internal class NotificationsDbContext(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public const string Prefix = "ntf";

    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<Template> Templates => Set<Template>();
    public DbSet<ChannelChoice> ChannelChoices => Set<ChannelChoice>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.AddEntityIds(typeof(NotificationsDbContext).Assembly);
        configurationBuilder.UseUtcTicksOnSqlite(Database);
        configurationBuilder.Properties<DeliveryStatus>().HaveConversion<string>().HaveMaxLength(10);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Message>(e =>
        {
            e.Property(m => m.Event).HasMaxLength(40);
            e.Property(m => m.CaseNumber).HasMaxLength(24);
            e.Property(m => m.Chinese).HasMaxLength(1000);
            e.Property(m => m.English).HasMaxLength(1000);
            e.HasIndex(m => new { m.AccountId, m.CreatedAt }); // the inbox, newest first
            e.HasIndex(m => new { m.AccountId, m.ReadAt }); // the unread count
        });
        modelBuilder.Entity<Delivery>(e =>
        {
            e.HasIndex(d => new { d.SourceId, d.Channel }).IsUnique(); // one row per notice and channel: a retry updates it
            e.HasIndex(d => d.CreatedAt);
            e.Property(d => d.Event).HasMaxLength(40);
            e.Property(d => d.CaseNumber).HasMaxLength(24);
            e.Property(d => d.Channel).HasMaxLength(10);
            e.Property(d => d.Recipient).HasMaxLength(120);
            e.Property(d => d.Template).HasMaxLength(80);
            e.Property(d => d.Reason).HasMaxLength(500);
            e.Ignore(d => d.Done);
        });
        modelBuilder.Entity<Template>(e =>
        {
            e.HasKey(t => new { t.Event, t.Channel });
            e.Property(t => t.Event).HasMaxLength(40);
            e.Property(t => t.Channel).HasMaxLength(10);
            e.Property(t => t.Chinese).HasMaxLength(TemplateText.MaxLength);
            e.Property(t => t.English).HasMaxLength(TemplateText.MaxLength);
            e.Property(t => t.UpdatedBy).HasMaxLength(120);
        });
        modelBuilder.Entity<ChannelChoice>(e =>
        {
            e.HasKey(c => c.AccountId);
            e.Property(c => c.AccountId).ValueGeneratedNever();
        });
        modelBuilder.MapOutbox();
        modelBuilder.PrefixTables(Prefix);
    }
}

internal sealed class NotificationsSqliteContext(DbContextOptions<NotificationsSqliteContext> options) : NotificationsDbContext(options);

internal sealed class NotificationsPostgresContext(DbContextOptions<NotificationsPostgresContext> options) : NotificationsDbContext(options);

internal sealed class NotificationsSqliteDesignFactory : IDesignTimeDbContextFactory<NotificationsSqliteContext>
{
    public NotificationsSqliteContext CreateDbContext(string[] args) => DesignTime.Sqlite<NotificationsSqliteContext>(NotificationsDbContext.Prefix, o => new(o));
}

internal sealed class NotificationsPostgresDesignFactory : IDesignTimeDbContextFactory<NotificationsPostgresContext>
{
    public NotificationsPostgresContext CreateDbContext(string[] args) => DesignTime.Postgres<NotificationsPostgresContext>(NotificationsDbContext.Prefix, o => new(o));
}
