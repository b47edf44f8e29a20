using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tongban.Halls.Domain;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;

namespace Tongban.Halls.Data;

internal class HallsDbContext(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public const string Prefix = "hl";

    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<WindowRating> Ratings => Set<WindowRating>();
    public DbSet<WindowDesk> Desks => Set<WindowDesk>();
    public DbSet<RatingTablet> Tablets => Set<RatingTablet>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<Sequence> Sequences => Set<Sequence>();
    public DbSet<AgencyRequest> AgencyRequests => Set<AgencyRequest>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>A hall's category by the letter a person typed or pressed (trimmed, any case); null for no such letter.</summary>
    public async Task<Category?> CategoryByLetterAsync(Guid hallId, string? letter, CancellationToken ct)
    {
        var code = (letter ?? "").Trim().ToUpperInvariant();
        return Category.IsLetter(code) ? await Categories.AsNoTracking().FirstOrDefaultAsync(c => c.HallId == hallId && c.Letter == code, ct) : null;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.AddEntityIds(typeof(HallsDbContext).Assembly);
        configurationBuilder.UseUtcTicksOnSqlite(Database);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Category>(e =>
        {
            e.HasIndex(c => new { c.HallId, c.Letter }).IsUnique();
            e.Property(c => c.Letter).HasMaxLength(1);
            e.Property(c => c.Name).HasMaxLength(Category.NameMax);
            e.Property(c => c.NameEn).HasMaxLength(120);
            e.Property(c => c.Windows).HasJsonConversion();
        });
        modelBuilder.Entity<Ticket>(e =>
        {
            e.HasIndex(t => new { t.HallId, t.Day, t.Number }).IsUnique(); // the guard behind the daily counter
            e.HasIndex(t => new { t.HallId, t.Day, t.Status, t.IssuedAt }); // the queue, the screen, the status
            e.HasIndex(t => new { t.HallId, t.Day, t.CategoryId, t.Status, t.IssuedAt }); // "ahead": a range of its category's waiting tickets
            e.Property(t => t.Number).HasMaxLength(8);
            e.Property(t => t.ForWindow).HasMaxLength(20);
            e.Property(t => t.Window).HasMaxLength(20);
            e.Property(t => t.CalledBy).HasMaxLength(120);
            e.Property(t => t.Revision).IsConcurrencyToken();
            e.HasIndex(e.HasPersonalData(t => t.ReminderPhone, indexed: false), nameof(Ticket.HallId), nameof(Ticket.Day)); // "already set on three tickets here today"
        });
        modelBuilder.Entity<Appointment>(e =>
        {
            e.HasIndex(a => a.Code).IsUnique();
            e.HasIndex(a => new { a.HallId, a.CategoryId, a.Day, a.From, a.Seat }).IsUnique(); // a full slot stays full (null seats: cancelled)
            e.HasIndex(a => new { a.HolderId, a.Status, a.EndsAt }); // overlaps and no-shows
            e.HasIndex(a => new { a.HallId, a.Day });
            e.HasIndex(a => a.BookedBy); // an agent's own bookings for their principals
            e.Property(a => a.Code).HasMaxLength(Appointment.CodeLength);
            e.Property(a => a.ItemCode).HasMaxLength(64);
            e.Property(a => a.ItemName).HasMaxLength(200);
            e.Property(a => a.TicketNumber).HasMaxLength(8);
            e.Property(a => a.Status).IsConcurrencyToken(); // a check-in and a cancel at once: one of them
            e.Property(a => a.RemindedAt).IsConcurrencyToken(); // two instances reminding at once: one text
        });
        modelBuilder.Entity<RatingTablet>(e =>
        {
            e.ToTable("tablets");
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => new { t.HallId, t.Window });
            e.Property(t => t.Window).HasMaxLength(20);
            e.Property(t => t.CodeHash).HasMaxLength(64);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.OfferedBy).HasMaxLength(120);
            e.Ignore(t => t.IsActive);
        });
        modelBuilder.Entity<WindowRating>(e =>
        {
            e.ToTable("ratings");
            e.HasKey(r => r.TicketId); // one rating per ticket, also when two are sent at once
            e.HasIndex(r => new { r.HallId, r.RatedAt });
            e.Property(r => r.Window).HasMaxLength(20);
            e.Property(r => r.DepartmentCreditCode).HasMaxLength(32);
            e.Property(r => r.Comment).HasMaxLength(WindowRating.CommentMax);
            e.Property(r => r.Indicators).HasJsonConversion();
        });
        modelBuilder.Entity<WindowDesk>(e =>
        {
            e.ToTable("desks");
            e.HasKey(d => new { d.HallId, d.Window });
            e.Property(d => d.Window).HasMaxLength(20);
            e.Property(d => d.OpenedBy).HasMaxLength(120);
        });
        modelBuilder.Entity<AgencyRequest>(e =>
        {
            e.ToTable("agency_requests");
            e.HasIndex(r => new { r.RequesterId, r.RequestedAt });
            e.HasIndex(r => new { r.HallId, r.State, r.RequestedAt });
            e.Property(r => r.CreditCode).HasMaxLength(18);
            e.Property(r => r.EnterpriseName).HasMaxLength(100);
            e.Property(r => r.ProjectName).HasMaxLength(AgencyRequest.ProjectMax);
            e.Property(r => r.Description).HasMaxLength(AgencyRequest.DescriptionMax);
            e.HasPersonalData(r => r.Phone, indexed: false); // a person's mobile, though given for an enterprise
            e.Property(r => r.Items).HasJsonConversion();
            e.Property(r => r.AgentName).HasMaxLength(100);
            e.Property(r => r.AssignedBy).HasMaxLength(120);
            e.Property(r => r.AnswerableDepartment).HasMaxLength(18);
            e.Property(r => r.ClosedBy).HasMaxLength(120);
            e.Property(r => r.RatingComment).HasMaxLength(AgencyRequest.CommentMax);
            e.Property(r => r.State).IsConcurrencyToken(); // an assignment and a close at once: one of them
            e.Property(r => r.RatedAt).IsConcurrencyToken(); // two ratings at once: one
            e.Ignore(r => r.ItemCodes);
            e.Ignore(r => r.IsBadlyRated);
            e.Ignore(r => r.Basis);
        });
        modelBuilder.Entity<Sequence>(e =>
        {
            e.ToTable("sequences");
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(100);
        });
        modelBuilder.MapOutbox();
        modelBuilder.PrefixTables(Prefix);
        modelBuilder.SealPersonalData(this);
    }
}

/// <summary>A named counter (a hall's tickets of one category on one day), advanced by one atomic upsert.</summary>
internal sealed class Sequence
{
    public string Name { get; private set; } = "";
    public long Last { get; private set; }
}

internal sealed class HallsSqliteContext(DbContextOptions<HallsSqliteContext> options) : HallsDbContext(options);

internal sealed class HallsPostgresContext(DbContextOptions<HallsPostgresContext> options) : HallsDbContext(options);

internal sealed class HallsSqliteDesignFactory : IDesignTimeDbContextFactory<HallsSqliteContext>
{
    public HallsSqliteContext CreateDbContext(string[] args) => DesignTime.Sqlite<HallsSqliteContext>(HallsDbContext.Prefix, o => new(o));
}

internal sealed class HallsPostgresDesignFactory : IDesignTimeDbContextFactory<HallsPostgresContext>
{
    public HallsPostgresContext CreateDbContext(string[] args) => DesignTime.Postgres<HallsPostgresContext>(HallsDbContext.Prefix, o => new(o));
}
