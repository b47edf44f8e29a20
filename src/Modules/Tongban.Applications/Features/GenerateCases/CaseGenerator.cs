using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Ratings;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.GenerateCases;

/// <summary>
/// Bulk synthetic cases, each made by the real aggregate methods (submit, accept, steps, decide, conclude) so every
/// row is one the application could have written. Cases are inserted in batches of <see cref="BatchSize"/>, each
/// batch in its own context and transaction; case numbers are reserved per county and day by the same sequence
/// table the submissions use, so generated and real numbers never collide.
/// </summary>
internal sealed class CaseGenerator(IServiceScopeFactory scopes, IServiceItems catalog, CalendarStore calendars, RegionClock clock, IOptions<RegionOptions> region,
    IOptions<ApplicationsOptions> applications)
    : ICaseGenerator
{
    public const int BatchSize = 5000;
    public const int Days = 240;

    public async Task<CaseGenerationSummary> GenerateAsync(int count, int seed, IReadOnlyList<string>? itemCodes, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var items = new List<ItemSnapshot>();
        foreach (var code in itemCodes ?? DemoItemCodes())
            if (await catalog.FindApplicableAsync(code, cancellationToken) is { } item) items.Add(ItemSnapshots.Of(item));
        if (items.Count == 0)
            throw new DomainException(new DomainError("generate.no_items", "没有可申请的事项，请先载入目录（tongban seed demo）",
                "No item can be applied for; load the catalog first (tongban seed demo)", Field: "items"));
        var life = new CaseLife(new Random(seed), new Random(unchecked(seed * 31 + 7)), await calendars.GetAsync(cancellationToken), clock.Today,
            applications.Value.RectificationDays);
        for (var written = 0; written < count;)
        {
            var size = Math.Min(BatchSize, count - written);
            var plans = Enumerable.Range(0, size).Select(_ => life.Plan(items)).ToList();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var numbers = await ReserveAsync(db, plans, cancellationToken);
            var cases = plans.Select((p, i) => life.Live(p, numbers[i])).ToList();
            db.Cases.AddRange(cases);
            db.Ratings.AddRange(cases.Select(life.RatingOf).OfType<Rating>());
            // The context is dropped after the batch: no need to snapshot what was written (JSON columns snapshot by a round trip).
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            written += size;
            progress?.Report(written);
        }
        return new CaseGenerationSummary(count, items.Count, watch.Elapsed);
    }

    /// <summary>One upsert per county and day of the batch: the sequence moves on by as many numbers as the batch takes there.</summary>
    private static async Task<string[]> ReserveAsync(ApplicationsDbContext db, List<CasePlan> plans, CancellationToken ct)
    {
        var numbers = new string[plans.Count];
        foreach (var group in plans.Select((p, i) => (Division: CaseNumbers.Division(p.Item.DivisionCode), Day: CaseNumbers.Day(p.Day), Index: i))
                     .GroupBy(p => (p.Division, p.Day)))
        {
            var (division, day, taken) = (group.Key.Division, group.Key.Day, group.Count());
            var last = (await db.Database.SqlQuery<int>($"""
                INSERT INTO app_case_sequences (division, day, last_number) VALUES ({division}, {day}, {taken})
                ON CONFLICT (division, day) DO UPDATE SET last_number = app_case_sequences.last_number + {taken}
                RETURNING last_number AS "Value"
                """).ToListAsync(ct)).Single();
            var sequence = last - taken;
            foreach (var p in group) numbers[p.Index] = CaseNumbers.Format(division, day, ++sequence);
        }
        return numbers;
    }

    private IEnumerable<string> DemoItemCodes()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(RegionPack.Locate(region.Value.DemoPack).PathOf("catalog.json")));
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("implementationCode").GetString()!)];
    }
}

/// <summary>What one generated case will be: its item, the day it was submitted, how far it gets.</summary>
internal sealed record CasePlan(ItemSnapshot Item, DateOnly Day, int Draw);

/// <summary>
/// The random part of the generator: plans and lives cases, and rates some of the concluded ones; deterministic for a seed.
/// The ratings draw from a random of their own, so the cases of a seed are the same with or without them.
/// </summary>
internal sealed class CaseLife(Random random, Random ratings, WorkingDayCalendar calendar, DateOnly today, int rectifyDays)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"];
    private const string StaffActor = "user:generated-staff";
    private readonly Dictionary<string, StaffMember> _staff = [];

    /// <summary>A staff member holding the window clerk's, the approver's and every role of the item's process.</summary>
    private StaffMember StaffFor(ItemSnapshot item)
    {
        if (!_staff.TryGetValue(item.Code, out var staff))
            _staff[item.Code] = staff = new StaffMember(StaffActor,
                new HashSet<string>(item.Steps.Select(s => s.Role).Append(Policies.WindowClerk).Append(Policies.Approver), StringComparer.Ordinal));
        return staff;
    }

    public CasePlan Plan(IReadOnlyList<ItemSnapshot> items) =>
        new(items[random.Next(items.Count)], today.AddDays(-1 - random.Next(CaseGenerator.Days)), random.Next(1000));

    /// <summary>
    /// Submits the case and takes it as far as its draw and age say: 3 % refused, 2 % withdrawn, 3 % awaiting a correction, the
    /// youngest still waiting for pre-review, most of the rest concluded on time, and some 5 % stuck in handling
    /// (overdue when old). Every step is the aggregate's own method.
    /// </summary>
    public Case Live(CasePlan plan, string number)
    {
        var (item, day, draw) = plan;
        var (at, staff) = (At(day, 1), StaffFor(item));
        var channel = draw % 20 == 0 ? Channel.Station : draw % 3 == 0 ? Channel.Window : Channel.Online;
        var applicant = new Applicant(NextGuid(), Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)],
            $"{number[..6]}********{random.Next(10000).ToString("D4", CultureInfo.InvariantCulture)}");
        var provided = item.Materials.Where(m => m.Required).Select(m => new MaterialRef(m.Key, $"file:generated-{random.Next():x8}")).ToList();
        var visit = channel == Channel.Online ? null : new Trip(at, channel == Channel.Window ? "政务服务大厅 hall" : "驿站 station", "递交申请 submit the application", StaffActor);
        var @case = Case.Submit(number, $"generated:{number}", item, applicant, channel, new Dictionary<string, string> { ["purpose"] = "办理" + item.Name },
            provided, visit, channel == Channel.Online ? $"user:{applicant.AccountId}" : StaffActor, at);
        var age = today.DayNumber - day.DayNumber;
        if (draw < 30) @case.Refuse("材料与事项不符", "如不服，可在六十日内申请行政复议或在六个月内提起行政诉讼", staff, At(day, 2));
        else if (draw < 50) @case.Withdraw("不再需要办理", $"user:{applicant.AccountId}", day, At(day, 2));
        else if (draw < 80) @case.RequestCorrection([new CorrectionItem(provided.FirstOrDefault()?.Key ?? "purpose", "请提供清晰的原件扫描件")], staff, day, At(day, 2));
        else if (age > 2 || draw > 500) Handle(@case, staff, day, draw);
        return @case;
    }

    private void Handle(Case @case, StaffMember staff, DateOnly day, int draw)
    {
        var accepted = day.AddDays(Math.Min(random.Next(2), today.DayNumber - day.DayNumber - 1));
        @case.Accept(staff, accepted, calendar, At(accepted, 2));
        var due = @case.DueOn ?? accepted;
        var stuck = draw >= 950;
        var steps = @case.Steps.Count;
        var inProcess = stuck || (due >= today && draw % 2 == 0);
        var done = inProcess ? random.Next(Math.Max(steps, 1)) : steps - 1;
        for (var i = 0; i < Math.Min(done, steps - 1); i++) @case.CompleteStep("符合要求", staff, At(accepted, 3));
        if (inProcess) return;
        var decided = Earlier(accepted.AddDays(1 + random.Next(Math.Max(1, due.DayNumber - accepted.DayNumber))), today.AddDays(-1));
        @case.Decide(draw % 10 == 0 ? Outcome.Denied : Outcome.Approved, "经审查，符合法定条件", staff, At(decided, 6));
        if (draw % 7 == 0) return;
        var delivery = (Delivery)(1 + draw % 3);
        @case.Conclude(delivery, delivery == Delivery.Mail ? $"EMS{random.Next(100_000_000, 999_999_999)}" : null, staff, decided, At(decided, 7));
    }

    /// <summary>
    /// The applicant's 好差评 of a concluded case, for some 60 % of them, within three days of the conclusion: mostly very
    /// satisfied, about 4 % bad — each bad one with its rectification open, as <see cref="Rating.Rate"/> opens it.
    /// </summary>
    public Rating? RatingOf(Case @case)
    {
        if (@case is not { Status: CaseStatus.Concluded, ConcludedOn: { } concluded } || ratings.Next(100) >= 60) return null;
        var on = Earlier(concluded.AddDays(ratings.Next(4)), today);
        var draw = ratings.Next(100);
        var level = draw < 70 ? RatingLevel.VerySatisfied : draw < 90 ? RatingLevel.Satisfied : draw < 96 ? RatingLevel.Fair
            : draw < 99 ? RatingLevel.Dissatisfied : RatingLevel.VeryDissatisfied;
        var indicator = RatingScale.Indicators[ratings.Next(RatingScale.Indicators.Count)].Key;
        return Rating.Rate(@case, level, [indicator], null, on, calendar, rectifyDays, At(on, 8));
    }

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>A working hour of the day in UTC (the region is UTC+8: 01:00 UTC is 09:00 there).</summary>
    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
