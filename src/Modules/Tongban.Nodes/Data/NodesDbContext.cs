using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tongban.Kernel.Data;
using Tongban.Nodes.Directory;
using Tongban.Nodes.Node;

namespace Tongban.Nodes.Data;

/// <summary>
/// The module's tables: the directory's (nodes, services, published versions) on the platform, the node's (held
/// configuration, message log, seen message ids) on a node, and operational counts and log stamps in both (a node's own, the nodes' reports; the stamps a node got, the stamps the centre signed). One schema for both roles keeps one migration set.
/// </summary>
internal class NodesDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Prefix = "nd";

    public DbSet<DirectoryNode> Nodes => Set<DirectoryNode>();
    public DbSet<DirectoryService> Services => Set<DirectoryService>();
    public DbSet<PublishedVersion> PublishedVersions => Set<PublishedVersion>();
    public DbSet<HeldConfiguration> HeldConfigurations => Set<HeldConfiguration>();
    public DbSet<MessageLogEntry> MessageLog => Set<MessageLogEntry>();
    public DbSet<MessageLogHead> MessageLogHeads => Set<MessageLogHead>();
    public DbSet<SeenMessage> SeenMessages => Set<SeenMessage>();
    public DbSet<OperationCount> OperationCounts => Set<OperationCount>();
    public DbSet<StoredLogStamp> LogStamps => Set<StoredLogStamp>();
    public DbSet<OutgoingPush> OutgoingPushes => Set<OutgoingPush>();
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseUtcTicksOnSqlite(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DirectoryNode>(e =>
        {
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).HasMaxLength(51);
            e.Property(n => n.Member).HasMaxLength(18);
            e.Property(n => n.Code).HasMaxLength(32);
            e.Property(n => n.Address).HasMaxLength(300);
            e.Property(n => n.PublicKeyPem).HasMaxLength(1000);
            e.Property(n => n.KeyId).HasMaxLength(16);
            e.Property(n => n.TlsFingerprint).HasMaxLength(64);
            e.Property(n => n.SoftwareVersion).HasMaxLength(40);
            e.Property(n => n.ReportedProblems).HasJsonConversion().HasMaxLength(500);
            e.HasIndex(n => n.Member);
        });
        modelBuilder.Entity<DirectoryService>(e =>
        {
            e.HasKey(s => new { s.Provider, s.Code });
            e.Property(s => s.Provider).HasMaxLength(18);
            e.Property(s => s.Code).HasMaxLength(40);
            e.Property(s => s.Version).HasMaxLength(20);
            e.Property(s => s.Title).HasMaxLength(200);
            e.Property(s => s.Resource).HasMaxLength(60);
            e.Property(s => s.Items).HasJsonConversion().HasMaxLength(4000);
        });
        modelBuilder.Entity<PublishedVersion>(e =>
        {
            e.HasKey(v => v.Version);
            e.Property(v => v.Version).ValueGeneratedNever();
            e.Property(v => v.ContentDigest).HasMaxLength(64);
        });
        modelBuilder.Entity<HeldConfiguration>(e => e.Property(h => h.Id).ValueGeneratedNever());
        modelBuilder.Entity<MessageLogEntry>(e =>
        {
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).ValueGeneratedNever();
            e.Property(m => m.Direction).HasMaxLength(20);
            e.Property(m => m.Sender).HasMaxLength(51);
            e.Property(m => m.Recipient).HasMaxLength(51);
            e.Property(m => m.Service).HasMaxLength(100);
            e.Property(m => m.Header).HasMaxLength(4000);
            e.Property(m => m.Signature).HasMaxLength(200);
            e.Property(m => m.Outcome).HasMaxLength(60);
            e.Property(m => m.PreviousHash).HasMaxLength(64);
            e.Property(m => m.Hash).HasMaxLength(64);
            e.HasIndex(m => m.MessageId);
        });
        modelBuilder.Entity<MessageLogHead>(e =>
        {
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.LastHash).HasMaxLength(64);
        });
        modelBuilder.Entity<SeenMessage>(e =>
        {
            e.HasKey(m => m.MessageId);
            e.Property(m => m.Sender).HasMaxLength(51);
            e.HasIndex(m => m.SeenAt);
        });
        modelBuilder.Entity<OperationCount>(e =>
        {
            e.HasKey(c => new { c.Node, c.Day, c.Side, c.Service, c.Outcome });
            e.Property(c => c.Node).HasMaxLength(51);
            e.Property(c => c.Side).HasMaxLength(10);
            e.Property(c => c.Service).HasMaxLength(70);
            e.Property(c => c.Outcome).HasMaxLength(60);
            e.HasIndex(c => c.Day);
        });
        modelBuilder.Entity<StoredLogStamp>(e =>
        {
            e.HasKey(s => new { s.Node, s.Sequence });
            e.Property(s => s.Sequence).ValueGeneratedNever();
            e.Property(s => s.Node).HasMaxLength(51);
            e.Property(s => s.Hash).HasMaxLength(64);
            e.Property(s => s.Signed).HasMaxLength(2000);
        });
        modelBuilder.Entity<OutgoingPush>(e =>
        {
            e.HasKey(p => p.MessageId);
            e.Property(p => p.Recipient).HasMaxLength(51);
            e.Property(p => p.RecipientMember).HasMaxLength(18);
            e.Property(p => p.Service).HasMaxLength(40);
            e.Property(p => p.ServiceVersion).HasMaxLength(20);
            e.Property(p => p.OnBehalfOf).HasMaxLength(100);
            e.Property(p => p.SubjectDigest).HasMaxLength(64);
            e.Property(p => p.State).HasMaxLength(10);
            e.Property(p => p.LastError).HasMaxLength(60);
            e.Property(p => p.Receipt).HasMaxLength(2000);
            e.HasIndex(p => new { p.State, p.NextAttemptAt });
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.HasKey(m => m.MessageId);
            e.Property(m => m.Sender).HasMaxLength(51);
            e.Property(m => m.Service).HasMaxLength(40);
            e.Property(m => m.SubjectDigest).HasMaxLength(64);
            e.Property(m => m.BodyDigest).HasMaxLength(64);
            e.Property(m => m.Receipt).HasMaxLength(2000);
            e.HasIndex(m => m.ReceivedAt);
        });
        modelBuilder.PrefixTables(Prefix);
    }
}

internal sealed class NodesSqliteContext(DbContextOptions<NodesSqliteContext> options) : NodesDbContext(options);

internal sealed class NodesPostgresContext(DbContextOptions<NodesPostgresContext> options) : NodesDbContext(options);

internal sealed class NodesSqliteDesignFactory : IDesignTimeDbContextFactory<NodesSqliteContext>
{
    public NodesSqliteContext CreateDbContext(string[] args) => DesignTime.Sqlite<NodesSqliteContext>(NodesDbContext.Prefix, o => new(o));
}

internal sealed class NodesPostgresDesignFactory : IDesignTimeDbContextFactory<NodesPostgresContext>
{
    public NodesPostgresContext CreateDbContext(string[] args) => DesignTime.Postgres<NodesPostgresContext>(NodesDbContext.Prefix, o => new(o));
}
