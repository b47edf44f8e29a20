using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tongban.Applications.Domain;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Ratings;

namespace Tongban.Applications.Data;

internal class ApplicationsDbContext(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public const string Prefix = "app";

    public DbSet<Case> Cases => Set<Case>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<SupervisionOrder> SupervisionOrders => Set<SupervisionOrder>();
    public DbSet<HomeVisit> HomeVisits => Set<HomeVisit>();
    public DbSet<CaseSequence> Sequences => Set<CaseSequence>();
    public DbSet<DeferredReminder> DeferredReminders => Set<DeferredReminder>();
    public DbSet<FactPreview> FactPreviews => Set<FactPreview>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.AddEntityIds(typeof(ApplicationsDbContext).Assembly);
        configurationBuilder.UseUtcTicksOnSqlite(Database);
        configurationBuilder.Properties<CaseStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Channel>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<Outcome>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<Delivery>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<RatingLevel>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<RectificationStatus>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<HomeVisitReason>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<HomeVisitState>().HaveConversion<string>().HaveMaxLength(10);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Case>(e =>
        {
            e.Property(c => c.Number).HasMaxLength(24);
            e.HasIndex(c => c.Number).IsUnique();
            e.Property(c => c.SubmissionKey).HasMaxLength(120);
            e.HasIndex(c => c.SubmissionKey).IsUnique();
            e.Property(c => c.ItemCode).HasMaxLength(60);
            e.Property(c => c.ItemName).HasMaxLength(200);
            e.Property(c => c.DepartmentCreditCode).HasMaxLength(18);
            e.Property(c => c.DivisionCode).HasMaxLength(12);
            e.Property(c => c.ApplicantName).HasMaxLength(100);
            e.Property(c => c.ApplicantMaskedId).HasMaxLength(20);
            e.Property(c => c.SubmittedBy).HasMaxLength(120);
            e.Property(c => c.RefusalReason).HasMaxLength(2000);
            e.Property(c => c.LegalNotice).HasMaxLength(2000);
            e.Property(c => c.DecisionOpinion).HasMaxLength(2000);
            e.Property(c => c.TrackingNumber).HasMaxLength(40);
            e.Property(c => c.Revision).IsConcurrencyToken();
            e.ComplexProperty(c => c.Bundle, b =>
            {
                b.Property(r => r.Code).HasColumnName("bundle_code").HasMaxLength(60);
                b.Property(r => r.Name).HasColumnName("bundle_name").HasMaxLength(200);
                b.Property(r => r.Key).HasColumnName("bundle_key");
            });
            // The applicant's list and the workbench read by these: each workbench page is one index range in
            // (DueSort, Number) order after the equalities (department, queue or status or item), so a page of 50
            // costs the same with a thousand cases or a million.
            e.HasIndex(c => new { c.ApplicantId, c.SubmittedAt, c.Number });
            e.Property(c => c.Queue).HasMaxLength(40);
            e.HasIndex(c => new { c.DepartmentCreditCode, c.Queue, c.DueSort, c.Number });
            e.HasIndex(c => new { c.Queue, c.DueSort, c.Number });
            e.HasIndex(c => new { c.DepartmentCreditCode, c.Status, c.DueSort, c.Number });
            e.HasIndex(c => new { c.Status, c.DueSort, c.Number });
            e.HasIndex(c => new { c.ItemCode, c.DueSort, c.Number });
            // An item searched with the queues merged: each queue of the item is one range, not the item's cases read and filtered.
            e.HasIndex(c => new { c.ItemCode, c.Queue, c.DueSort, c.Number });
            // A station's queue (本驿站): the cases submitted at the station, most urgent first, as one index range.
            e.Property(c => c.StationKey).HasMaxLength(60);
            e.HasIndex(c => new { c.StationKey, c.DueSort, c.Number });
            // The deferred-reminder job reads only the cases still awaiting a deferred material.
            e.HasIndex(c => c.AwaitingDeferred);
            e.Property(c => c.Materials).HasJsonConversion();
            e.Property(c => c.Steps).HasJsonConversion();
            e.Property(c => c.Form).HasJsonConversion();
            e.Property(c => c.Provided).HasJsonConversion();
            e.Property(c => c.Corrections).HasJsonConversion();
            e.Property(c => c.Deferred).HasJsonConversion();
            e.Property(c => c.Stops).HasJsonConversion();
            e.Property(c => c.Trips).HasJsonConversion();
            e.HasIndex(c => c.HallTicketId);
            e.Property(c => c.History).HasJsonConversion();
            e.Ignore(c => c.CurrentStep);
            e.Ignore(c => c.OutstandingDeferred);
            e.Ignore(c => c.HandlingRole);
            e.Ignore(c => c.DecidingRole);
            e.Ignore(c => c.AwaitsDecision);
            e.Ignore(c => c.TripsOverPromise);
        });
        modelBuilder.Entity<Draft>(e =>
        {
            e.Property(d => d.ItemCode).HasMaxLength(60);
            e.Property(d => d.BundleCode).HasMaxLength(60);
            e.Property(d => d.CaseNumber).HasMaxLength(24);
            e.HasIndex(d => new { d.ApplicantId, d.UpdatedAt });
            e.Property(d => d.Form).HasJsonConversion();
            e.Property(d => d.Materials).HasJsonConversion();
            e.Ignore(d => d.SubmissionKey);
        });
        modelBuilder.Entity<Rating>(e =>
        {
            // One rating per case online, even when two submits race; on site one per visit (ticket), any number per case.
            e.HasIndex(r => r.CaseId).IsUnique().HasFilter("ticket_id IS NULL");
            e.HasIndex(r => r.TicketId).IsUnique();
            e.HasIndex(r => new { r.CaseId, r.TicketId });
            e.Property(r => r.Place).HasMaxLength(Rating.PlaceMax);
            e.Property(r => r.PlaceEn).HasMaxLength(Rating.PlaceMax);
            e.Property(r => r.CaseNumber).HasMaxLength(24);
            e.Property(r => r.ItemName).HasMaxLength(200);
            e.Property(r => r.DepartmentCreditCode).HasMaxLength(18);
            e.Property(r => r.DivisionCode).HasMaxLength(12);
            e.Property(r => r.StationKey).HasMaxLength(60);
            e.HasIndex(r => r.StationKey);
            e.Property(r => r.Comment).HasMaxLength(Rating.CommentMax);
            e.Property(r => r.Report).HasMaxLength(2000);
            e.Property(r => r.ReportedBy).HasMaxLength(120);
            e.Property(r => r.AppealReason).HasMaxLength(2000);
            e.Property(r => r.AppealOpinion).HasMaxLength(2000);
            e.Property(r => r.AppealDecidedBy).HasMaxLength(120);
            e.Property(r => r.Revision).IsConcurrencyToken();
            e.Property(r => r.Indicators).HasJsonConversion();
            e.Property(r => r.CallBacks).HasJsonConversion();
            e.HasIndex(r => new { r.DepartmentCreditCode, r.Rectification, r.RectificationDueOn });
            e.Ignore(r => r.IsBad);
        });
        modelBuilder.Entity<SupervisionOrder>(e =>
        {
            e.Property(o => o.CaseNumber).HasMaxLength(24);
            e.Property(o => o.ItemName).HasMaxLength(200);
            e.Property(o => o.DepartmentCreditCode).HasMaxLength(18);
            e.Property(o => o.DivisionCode).HasMaxLength(12);
            e.Property(o => o.StationKey).HasMaxLength(60);
            e.HasIndex(o => o.StationKey);
            e.Property(o => o.Requirement).HasMaxLength(2000);
            e.Property(o => o.IssuedBy).HasMaxLength(120);
            e.Property(o => o.Answer).HasMaxLength(2000);
            e.Property(o => o.AnsweredBy).HasMaxLength(120);
            e.Property(o => o.Revision).IsConcurrencyToken();
            e.HasIndex(o => o.CaseId);
            e.HasIndex(o => new { o.DepartmentCreditCode, o.AnswerBy });
        });
        modelBuilder.Entity<HomeVisit>(e =>
        {
            e.Property(v => v.ItemCode).HasMaxLength(64);
            e.Property(v => v.ItemName).HasMaxLength(200);
            e.Property(v => v.DepartmentCreditCode).HasMaxLength(18);
            e.Property(v => v.DivisionCode).HasMaxLength(12);
            e.Property(v => v.StationKey).HasMaxLength(60);
            e.Property(v => v.Address).HasMaxLength(200);
            e.Property(v => v.Phone).HasMaxLength(11);
            e.Property(v => v.PreferredTimes).HasMaxLength(100);
            e.Property(v => v.Note).HasMaxLength(500);
            e.Property(v => v.AssignedTo).HasMaxLength(50);
            e.Property(v => v.AssignedBy).HasMaxLength(120);
            e.Property(v => v.VisitedBy).HasMaxLength(120);
            e.Property(v => v.CaseNumber).HasMaxLength(24);
            e.Property(v => v.DeclineReason).HasMaxLength(500);
            e.Property(v => v.Revision).IsConcurrencyToken();
            e.HasIndex(v => v.ResidentId);
            e.HasIndex(v => v.RequestedBy);
            e.HasIndex(v => v.CaseNumber);
            e.HasIndex(v => new { v.DepartmentCreditCode, v.State });
            e.HasIndex(v => v.StationKey);
        });
        modelBuilder.Entity<FactPreview>(e =>
        {
            e.Property(p => p.Holder).HasMaxLength(60);
            e.Property(p => p.MaterialKey).HasMaxLength(60);
            e.Property(p => p.Subject).HasMaxLength(18);
            e.HasIndex(p => new { p.Holder, p.MaterialKey }).IsUnique();
            e.HasIndex(p => new { p.ApplicantId, p.ReadAt });
            // Written once and never changed, so the record's own equality serves change tracking.
            e.Property(p => p.Snapshot).HasConversion(
                v => System.Text.Json.JsonSerializer.Serialize(v, JsonColumns.Options),
                s => System.Text.Json.JsonSerializer.Deserialize<FactSnapshot>(s, JsonColumns.Options)!);
        });
        modelBuilder.Entity<CaseSequence>(e =>
        {
            e.ToTable("case_sequences");
            e.HasKey(s => new { s.Division, s.Day });
            e.Property(s => s.Division).HasMaxLength(6);
            e.Property(s => s.Day).HasMaxLength(8);
        });
        modelBuilder.Entity<DeferredReminder>(e =>
        {
            e.HasKey(r => new { r.CaseId, r.MaterialKey, r.Kind });
            e.Property(r => r.MaterialKey).HasMaxLength(60);
            e.Property(r => r.Kind).HasMaxLength(30);
        });
        modelBuilder.MapOutbox();
        modelBuilder.PrefixTables(Prefix);
    }
}

internal sealed class ApplicationsSqliteContext(DbContextOptions<ApplicationsSqliteContext> options) : ApplicationsDbContext(options);

internal sealed class ApplicationsPostgresContext(DbContextOptions<ApplicationsPostgresContext> options) : ApplicationsDbContext(options);

internal sealed class ApplicationsSqliteDesignFactory : IDesignTimeDbContextFactory<ApplicationsSqliteContext>
{
    public ApplicationsSqliteContext CreateDbContext(string[] args) => DesignTime.Sqlite<ApplicationsSqliteContext>(ApplicationsDbContext.Prefix, o => new(o));
}

internal sealed class ApplicationsPostgresDesignFactory : IDesignTimeDbContextFactory<ApplicationsPostgresContext>
{
    public ApplicationsPostgresContext CreateDbContext(string[] args) => DesignTime.Postgres<ApplicationsPostgresContext>(ApplicationsDbContext.Prefix, o => new(o));
}
