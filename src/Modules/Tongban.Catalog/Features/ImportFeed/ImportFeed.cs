using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Catalog.Features.ImportFeed;

/// <summary>What an import did, and what the catalog administrator should look at.</summary>
internal sealed record FeedReport(string Source, int Added, int Changed, int Unchanged, int Abolished, int Bundles, IReadOnlyList<string> Warnings)
{
    /// <summary>For each changed item, the elements that differ from the version that was in effect.</summary>
    public IReadOnlyList<string> Differences { get; init; } = [];

    /// <summary>Applied entry by entry: each entry's outcome, refused ones with their reasons.</summary>
    public IReadOnlyList<Contracts.CatalogEntryResult> Entries { get; init; } = [];

    /// <summary>Applied entry by entry: lower-level implementations redrafted from a changed basic item and sent to review.</summary>
    public IReadOnlyList<string> SentToReview { get; init; } = [];

    /// <summary>Applied entry by entry: lower-level implementations that could not be redrafted, with why.</summary>
    public IReadOnlyList<string> NotRebased { get; init; } = [];
}

/// <summary>What one feed line did to its item.</summary>
internal enum Outcome
{
    Added,
    Changed,
    Unchanged,
    Abolished,
}

/// <summary>
/// Applies a provincial catalog feed: new items are added, changed ones get a new version, abolished ones are
/// abolished, bundles are replaced. The whole feed is checked first — codes, elements, departments, divisions —
/// and any error refuses all of it, naming the item's line and field. Importing the same feed twice changes nothing.
/// </summary>
internal sealed class ImportFeed(CatalogDbContext db, ListingProjector listings, CatalogChanges changes, IOrganizationDirectory organization, RegionClock clock)
{
    /// <summary>Items are written in chunks of this size, all inside one transaction.</summary>
    private const int Chunk = 1000;

    public Task<FeedReport> RunAsync(byte[] json, string source, string actor, CancellationToken ct) =>
        RunAsync(FeedReader.Read(json, source), actor, ct);

    public async Task<FeedReport> RunAsync(ParsedFeed feed, string actor, CancellationToken ct) => await RunAsync(feed, actor, entryByEntry: false, ct);

    /// <summary>
    /// The federation's way (<see cref="Contracts.ICatalogImport.ImportEntriesAsync"/>): an entry that breaks a rule is
    /// refused and named, the rest applied; each added or changed item's basic elements go to the lower-level
    /// implementations of its basic code as a draft submitted to the legality review.
    /// </summary>
    public Task<FeedReport> RunEntriesAsync(byte[] json, string source, string actor, CancellationToken ct) =>
        RunAsync(FeedReader.Read(json, source), actor, entryByEntry: true, ct);

    private async Task<FeedReport> RunAsync(ParsedFeed feed, string actor, bool entryByEntry, CancellationToken ct)
    {
        var (elements, refusals) = await CheckAsync(feed, ct);
        var errors = refusals.SelectMany((line, i) => line.Select(e => feed.At(i, e))).ToList();
        if (!entryByEntry && errors.Count > 0) throw new DomainException(errors);
        var entries = new List<Contracts.CatalogEntryResult>();
        var upstream = new List<(string BasicCode, string Code, ItemElements Elements)>();
        var lines = feed.Document.Items!;
        var effective = feed.Document.IssuedAt is { } issued && issued < clock.Today ? issued : clock.Today;
        var counts = Enum.GetValues<Outcome>().ToDictionary(o => o, _ => 0);
        var warnings = new List<string>();
        var differences = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var start = 0; start < lines.Count; start += Chunk)
        {
            var end = Math.Min(start + Chunk, lines.Count);
            var codes = lines.Skip(start).Take(end - start).Select(l => l.ImplementationCode?.Trim() ?? "").ToList();
            var items = await db.Items.Include(i => i.Versions).Where(i => codes.Contains(i.ImplementationCode)).ToDictionaryAsync(i => i.ImplementationCode, ct);
            var touched = new List<ServiceItem>();
            for (var i = start; i < end; i++)
            {
                if (refusals[i].Count > 0)
                {
                    entries.Add(new(lines[i].ImplementationCode?.Trim() ?? "", lines[i].Name?.Trim() ?? "", Contracts.CatalogEntryOutcome.Refused,
                        string.Join("；", refusals[i].Select(e => e.Chinese)), string.Join("; ", refusals[i].Select(e => e.English))));
                    continue;
                }
                items.TryGetValue(lines[i].ImplementationCode!.Trim(), out var item);
                var before = item?.EffectiveOn(clock.Today)?.Elements;
                var outcome = Apply(lines[i], item, elements[i], effective, feed.Source, out var result);
                if (outcome == Outcome.Changed && before is not null)
                    differences.Add($"{item!.ImplementationCode}: " + string.Join("; ", ManageItems.ElementDiff.Between(before, elements[i]!).Select(d => $"{d.Field} {d.Before} → {d.After}")));
                counts[outcome]++;
                entries.Add(new(lines[i].ImplementationCode!.Trim(), lines[i].Name?.Trim() ?? "", outcome switch
                {
                    Outcome.Added => Contracts.CatalogEntryOutcome.Added,
                    Outcome.Changed => Contracts.CatalogEntryOutcome.Changed,
                    Outcome.Abolished => Contracts.CatalogEntryOutcome.Abolished,
                    _ => Contracts.CatalogEntryOutcome.Unchanged,
                }));
                if (outcome is Outcome.Added or Outcome.Changed) upstream.Add((lines[i].BasicCode!.Trim(), lines[i].ImplementationCode!.Trim(), elements[i]!));
                if (outcome == Outcome.Unchanged && item?.Status == ItemStatus.Abolished && !lines[i].IsAbolished)
                    warnings.Add($"{feed.Where(i)}: {item.ImplementationCode} is abolished here but listed upstream; left abolished");
                if (result is null) continue;
                if (item is null) db.Items.Add(result);
                touched.Add(result);
            }
            await listings.RefreshAsync(touched, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        var (sent, notRebased) = entryByEntry ? await RebaseAsync(upstream, $"feed:{feed.Source}", ct) : (new List<string>(), new List<string>());
        var bundles = await ApplyBundlesAsync(feed.Document.Bundles ?? [], ct);
        if (feed.Complete) warnings.AddRange(await WarningsAsync(feed, ct));
        db.Audit(new AuditRecord(actor, "catalog.feed_imported", $"feed:{feed.Source}",
            $"added {counts[Outcome.Added]}, changed {counts[Outcome.Changed]}, unchanged {counts[Outcome.Unchanged]}, abolished {counts[Outcome.Abolished]}, bundles {bundles}"
            + (entryByEntry ? $", refused {entries.Count(e => e.Outcome == Contracts.CatalogEntryOutcome.Refused)}, sent to review {sent.Count}" : ""), clock.UtcNow));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await changes.CommittedAsync(ct);
        return new FeedReport(feed.Source, counts[Outcome.Added], counts[Outcome.Changed], counts[Outcome.Unchanged], counts[Outcome.Abolished], bundles, warnings)
        {
            Differences = differences, Entries = entries, SentToReview = sent, NotRebased = notRebased,
        };
    }

    /// <summary>
    /// Basic elements identical by construction: each implementation below an added or changed upstream item of the same
    /// basic code gets the upstream basic elements with its own kept (<see cref="ItemElements.Rebased"/>) as a draft
    /// submitted to the legality review — never published without it. One with work in progress, or whose redrafted
    /// elements the rules refuse, is left as it is and named; the consistency report shows its difference.
    /// </summary>
    private async Task<(List<string> Sent, List<string> Left)> RebaseAsync(List<(string BasicCode, string Code, ItemElements Elements)> upstream, string actor, CancellationToken ct)
    {
        var sent = new List<string>();
        var left = new List<string>();
        if (upstream.Count == 0) return (sent, left);
        var basics = upstream.Select(u => u.BasicCode).Distinct().ToList();
        var codes = upstream.Select(u => u.Code).ToList();
        var below = await db.Items.Include(i => i.Versions)
            .Where(i => basics.Contains(i.BasicCode) && !codes.Contains(i.ImplementationCode) && i.Status != ItemStatus.Abolished).ToListAsync(ct);
        foreach (var item in below.OrderBy(i => i.ImplementationCode, StringComparer.Ordinal))
        {
            var source = upstream.Where(u => u.BasicCode == item.BasicCode).MinBy(u => u.Elements.Level)!.Elements;
            var current = item.EffectiveOn(clock.Today)?.Elements ?? item.Open?.Elements;
            if (current is null || current.Level <= source.Level) continue; // not an implementation below it
            var rebased = current.Rebased(source);
            if (Same(current, rebased)) continue; // already identical where it counts
            if (item.Open is not null)
            {
                left.Add($"{current.Name}（{current.DivisionCode}）：有未完成的修改，未重拟 / has changes in progress, not redrafted");
                continue;
            }
            var wrong = rebased.Missing().Concat(rebased.Invalid()).ToList();
            if (wrong.Count > 0)
            {
                left.Add($"{current.Name}（{current.DivisionCode}）：{string.Join("；", wrong.Select(e => e.Chinese))} / {string.Join("; ", wrong.Select(e => e.English))}");
                continue;
            }
            item.Edit(rebased, actor, clock.UtcNow);
            item.Submit(actor, clock.UtcNow);
            sent.Add($"{current.Name}（{current.DivisionCode}）");
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (sent, left);
    }

    /// <summary>What one feed line does to its item: the outcome, and the item when it changed.</summary>
    private Outcome Apply(FeedItem line, ServiceItem? item, ItemElements? elements, DateOnly effective, string source, out ServiceItem? changed)
    {
        changed = null;
        if (line.IsAbolished)
        {
            if (item is null || item.Status == ItemStatus.Abolished) return Outcome.Unchanged;
            item.Abolish(line.StatusReason ?? "省级目录取消", clock.UtcNow);
            changed = item;
            return Outcome.Abolished;
        }
        if (item is null)
        {
            changed = ServiceItem.Create(line.BasicCode!, line.ImplementationCode!);
            changed.AcceptUpstream(elements!, $"feed:{source}", effective, clock.UtcNow);
            return Outcome.Added;
        }
        if (item.Status == ItemStatus.Abolished || Same(item.EffectiveOn(clock.Today)?.Elements, elements!)) return Outcome.Unchanged;
        item.AcceptUpstream(elements!, $"feed:{source}", effective, clock.UtcNow);
        changed = item;
        return Outcome.Changed;
    }

    /// <summary>Every line checked before anything is written; returns each line's elements (null for an abolition) and its errors.</summary>
    private async Task<(List<ItemElements?> Elements, List<List<DomainError>> Errors)> CheckAsync(ParsedFeed feed, CancellationToken ct)
    {
        var departments = (await organization.ListDepartmentsAsync(null, ct)).Select(d => d.CreditCode).ToHashSet(StringComparer.Ordinal);
        var divisions = new Dictionary<string, bool>(StringComparer.Ordinal);
        var halls = (await organization.ListHallsAsync(ct)).Select(h => h.Slug).ToHashSet(StringComparer.Ordinal);
        var stations = (await organization.ListStationsAsync(ct)).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var errors = new List<List<DomainError>>();
        var result = new List<ItemElements?>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < feed.Document.Items!.Count; i++)
        {
            var line = feed.Document.Items[i];
            var lineErrors = new List<DomainError>(ItemCodes.Check(line.BasicCode, line.ImplementationCode));
            if (line.ImplementationCode is { } code && !seen.TryAdd(code.Trim(), i))
                lineErrors.Add(new("feed.duplicate", $"实施编码{code}与第{feed.ItemLines[seen[code.Trim()]]}行重复", $"Implementation code {code} repeats line {feed.ItemLines[seen[code.Trim()]]}", ErrorKind.Conflict, "implementation_code"));
            ItemElements? elements = null;
            if (!line.IsAbolished)
            {
                try
                {
                    elements = line.ToElements(lineErrors);
                    lineErrors.AddRange(elements.Missing());
                    lineErrors.AddRange(elements.Invalid());
                    if (elements.DepartmentCreditCode.Length > 0 && !departments.Contains(elements.DepartmentCreditCode))
                        lineErrors.Add(new("feed.department_unknown", $"实施主体{elements.DepartmentCreditCode}不是已登记的部门", $"The implementing department {elements.DepartmentCreditCode} is not registered", Field: "departmentCreditCode"));
                    foreach (var place in elements.Places.Where(p => (p.Hall is { Length: > 0 } h && !halls.Contains(h)) || (p.Station is { Length: > 0 } st && !stations.Contains(st))))
                        lineErrors.Add(new("feed.place_unknown", $"办理地点“{place.Hall ?? place.Station}”不是已登记的大厅或驿站", $"The place '{place.Hall ?? place.Station}' is not a registered hall or station", Field: "places"));
                    if (elements.DivisionCode.Length > 0 && !divisions.TryGetValue(elements.DivisionCode, out var known))
                        divisions[elements.DivisionCode] = known = await organization.FindDivisionAsync(elements.DivisionCode, ct) is not null;
                    if (elements.DivisionCode.Length > 0 && !divisions[elements.DivisionCode])
                        lineErrors.Add(new("feed.division_unknown", $"行政区划{elements.DivisionCode}不存在", $"Division {elements.DivisionCode} does not exist", Field: "divisionCode"));
                }
                catch (DomainException ex)
                {
                    lineErrors.AddRange(ex.Errors);
                }
            }
            errors.Add(lineErrors);
            result.Add(elements);
        }
        return (result, errors);
    }

    private async Task<int> ApplyBundlesAsync(List<FeedBundle> bundles, CancellationToken ct)
    {
        var existing = await db.Bundles.ToDictionaryAsync(b => b.Code, ct);
        var count = 0;
        foreach (var b in bundles)
        {
            var bundle = Bundle.Create(b.Code ?? "", b.Name ?? "",
                (b.Subjects ?? []).Aggregate(Subjects.None, (all, s) => all | (s == "legal-person" ? Subjects.LegalPerson : Subjects.Person)), b.Summary, b.Items ?? []);
            if (existing.TryGetValue(bundle.Code, out var stored)) stored.Replace(bundle);
            else db.Bundles.Add(bundle);
            count++;
        }
        return count;
    }

    /// <summary>Local items whose basic code the province does not know: to be fixed or justified.</summary>
    private async Task<List<string>> WarningsAsync(ParsedFeed feed, CancellationToken ct)
    {
        var upstream = feed.Document.Items!.Select(i => i.BasicCode!.Trim()).ToHashSet(StringComparer.Ordinal);
        var local = await db.Items.Where(i => i.Status != ItemStatus.Abolished).Select(i => new { i.BasicCode, i.ImplementationCode }).ToListAsync(ct);
        return local.Where(i => !upstream.Contains(i.BasicCode))
            .Select(i => $"basic code {i.BasicCode} (implementation {i.ImplementationCode}) is unknown upstream").ToList();
    }

    private static bool Same(ItemElements? a, ItemElements b) => a is not null &&
        System.Text.Json.JsonSerializer.Serialize(a, CatalogDbContext.ElementJson) == System.Text.Json.JsonSerializer.Serialize(b, CatalogDbContext.ElementJson);
}
