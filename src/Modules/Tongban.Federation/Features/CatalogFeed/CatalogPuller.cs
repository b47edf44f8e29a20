using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Catalog.Contracts;
using Tongban.Federation.Contracts;
using Tongban.Federation.Data;
using Tongban.Federation.Domain;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Outbox;

namespace Tongban.Federation.Features.CatalogFeed;

/// <summary>
/// The city's pull of the provincial catalog (ADR 0017, issue #21 item 2): asks the province for the changes after its
/// cursor a page at a time until caught up, checks each answer's signature against the province's registered key,
/// applies the page through the catalog's own import entry by entry (<see cref="ICatalogImport.ImportEntriesAsync"/>:
/// a bad entry refused and named, the rest applied, the city's implementations redrafted for its legality review), and
/// only then stores the page's entries and the next cursor, in one transaction. A crash between the two applies the page
/// again, which changes nothing. One pull at a time per instance.
/// </summary>
internal sealed class CatalogPuller(FederationDbContext db, SignedRequests requests, ICatalogImport catalog, IOptions<FederationOptions> options, TimeProvider clock, ILogger<CatalogPuller> logger)
    : IFederationCatalogPull
{
    /// <summary>Pages per pull at most, so a pull always ends; the next one goes on from the cursor.</summary>
    public const int MaxPages = 1000;

    public const string Source = "province";
    public const string Actor = "federation";

    /// <summary>The pull's lock across the city's instances: on PostgreSQL this advisory key ("fedCat"), on SQLite a file beside the database.</summary>
    public const string LockName = "catalog-pull";
    public const long LockKey = 0x6665_6443_6174_0000L;

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>
    /// One pull at a time: in this instance the next waits for the one under way; across instances (several behind a
    /// proxy, one database) a pull finding another instance's under way does not run — it would apply the same pages —
    /// and says so, recording nothing.
    /// </summary>
    public async Task<CatalogPullResult> PullAsync(bool fromStart, CancellationToken cancellationToken)
    {
        var city = requests.City; // a platform that is not a city is told so (federation.not_city)
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var held = await ProcessLock.TryTakeAsync(db.Database.GetDbConnection(), LockName, LockKey);
                if (held is null)
                {
                    var (zh, en) = CatalogPullFailures.Label("running");
                    return new(0, 0, 0, 0, 0, 0, [], zh, en);
                }
                return await PullPagesAsync(city, fromStart, cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<CatalogPullResult> PullPagesAsync(string city, bool fromStart, CancellationToken cancellationToken)
    {
        var last = await db.CatalogPulls.AsNoTracking().OrderByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        var (cursor, changedUpTo) = fromStart ? (null, null) : (last?.Cursor, last?.ChangedUpTo);
        var (pages, total) = (0, default(PageCounts));
        var refusedNames = new List<string>();
        CatalogPullResult Result(string? failure = null)
        {
            var label = failure is null ? default : CatalogPullFailures.Label(failure);
            return new(pages, total.Added, total.Changed, total.Unchanged, total.Refused, total.SentToReview, refusedNames, label.Zh, label.En);
        }
        if (ProvinceKey() is not { } key) return await FailAsync(cursor, changedUpTo, "no_province_key", Result);
        while (pages < MaxPages)
        {
            byte[] body;
            string signature;
            try
            {
                (body, signature) = await requests.PostForSignedAsync(Wire.CatalogPath,
                    new CatalogQuestion(city, cursor, Math.Clamp(options.Value.CatalogPageSize, 1, 500)), cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Pulling the provincial catalog failed: {Error}", ex.Message);
                var failure = ex is HttpRequestException { StatusCode: { } status } && (int)status is >= 400 and < 500 ? "refused" : "unreachable";
                return await FailAsync(cursor, changedUpTo, failure, Result);
            }
            if (!Wire.Verifies(key, body, signature)) return await FailAsync(cursor, changedUpTo, "signature", Result);
            if (Parse(body) is not { } answer) return await FailAsync(cursor, changedUpTo, "malformed", Result);
            if (answer.Count == 0)
            {
                db.CatalogPulls.Add(CatalogPull.UpToDate(cursor, changedUpTo, clock.GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
                return Result();
            }
            CatalogEntriesResult applied;
            try
            {
                applied = await catalog.ImportEntriesAsync(Encoding.UTF8.GetBytes(answer.Feed.GetRawText()), Source, Actor, cancellationToken);
            }
            catch (DomainException ex)
            {
                logger.LogWarning("The catalog refused the province's feed page: {Error}", ex.Message);
                return await FailAsync(cursor, changedUpTo, "feed", Result);
            }
            catch (DbUpdateException ex)
            {
                logger.LogWarning("Applying the province's feed page collided with another change: {Error}", ex.Message);
                return await FailAsync(cursor, changedUpTo, "busy", Result);
            }
            pages++;
            var page = PageCounts.Of(applied);
            total += page;
            refusedNames.AddRange(applied.Entries.Where(e => e.Outcome == CatalogEntryOutcome.Refused).Select(e => e.Name));
            (cursor, changedUpTo) = (answer.Next, answer.ChangedUpTo ?? changedUpTo);
            await RecordAsync(applied, page, cursor, changedUpTo, cancellationToken);
            if (!answer.More) return Result();
        }
        return Result();
    }

    /// <summary>The page's entries and the cursor after it, in one transaction, once the catalog has applied the page.</summary>
    private async Task RecordAsync(CatalogEntriesResult applied, PageCounts page, string? cursor, DateTimeOffset? changedUpTo, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var codes = applied.Entries.Select(e => e.ImplementationCode).Where(c => c.Length is > 0 and <= 40).Distinct().ToList();
        var states = await db.CatalogEntries.Where(e => codes.Contains(e.ImplementationCode)).ToDictionaryAsync(e => e.ImplementationCode, cancellationToken);
        foreach (var entry in applied.Entries.Where(e => e.ImplementationCode.Length is > 0 and <= 40))
        {
            if (!states.TryGetValue(entry.ImplementationCode, out var state))
                db.CatalogEntries.Add(states[entry.ImplementationCode] = state = CatalogEntryState.Of(entry.ImplementationCode));
            var outcome = entry.Outcome switch
            {
                CatalogEntryOutcome.Refused => CatalogEntryState.Refused,
                CatalogEntryOutcome.Unchanged => CatalogEntryState.Unchanged,
                _ => CatalogEntryState.Applied,
            };
            state.Record(entry.Name, outcome, entry.ReasonZh, entry.ReasonEn, now);
        }
        db.CatalogPulls.Add(CatalogPull.Applied(cursor, changedUpTo, page.Added, page.Changed, page.Unchanged, page.Refused, page.SentToReview, now));
        await db.SaveChangesAsync(cancellationToken);
        FederationMetrics.CatalogEntries.Add(applied.Entries.Count);
    }

    private async Task<CatalogPullResult> FailAsync(string? cursor, DateTimeOffset? changedUpTo, string failure, Func<string?, CatalogPullResult> result)
    {
        var now = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        db.CatalogPulls.Add(CatalogPull.Failed(cursor, changedUpTo, failure, now));
        // A forged or altered answer is a security event; an unreachable province is only a row here.
        if (failure == "signature") db.Audit(new AuditRecord(Kernel.Security.Actor.System, "federation.catalog_signature", "catalog:province", failure, now));
        await db.SaveChangesAsync(CancellationToken.None);
        FederationMetrics.CatalogPullFailures.Add(1);
        return result(failure);
    }

    private PublicSigningKey? ProvinceKey()
    {
        try
        {
            return options.Value.Upstream.PublicKey is { Length: > 0 } pem ? PublicSigningKey.FromPem(pem) : null;
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    private static CatalogAnswer? Parse(byte[] body)
    {
        try
        {
            var answer = JsonSerializer.Deserialize<CatalogAnswer>(body, Wire.Json);
            return answer is { Count: >= 0 } && answer.Feed.ValueKind == JsonValueKind.Object ? answer : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What a page (or a whole pull) did to the catalog's items: an abolition counts as a change.</summary>
internal readonly record struct PageCounts(int Added, int Changed, int Unchanged, int Refused, int SentToReview)
{
    public static PageCounts Of(CatalogEntriesResult applied)
    {
        var counts = applied.Entries.CountBy(e => e.Outcome).ToDictionary();
        int Count(CatalogEntryOutcome outcome) => counts.GetValueOrDefault(outcome);
        return new(Count(CatalogEntryOutcome.Added), Count(CatalogEntryOutcome.Changed) + Count(CatalogEntryOutcome.Abolished),
            Count(CatalogEntryOutcome.Unchanged), Count(CatalogEntryOutcome.Refused), applied.SentToReview.Count);
    }

    public static PageCounts operator +(PageCounts a, PageCounts b) =>
        new(a.Added + b.Added, a.Changed + b.Changed, a.Unchanged + b.Unchanged, a.Refused + b.Refused, a.SentToReview + b.SentToReview);
}

/// <summary>Why a pull of the provincial catalog stopped, in words for people (the code is stored, never shown).</summary>
internal static class CatalogPullFailures
{
    public static (string Zh, string En) Label(string code) => code switch
    {
        "no_province_key" => ("未配置省级平台的公钥，无法核验目录", "The province's public key is not configured: the catalog cannot be verified"),
        "unreachable" => ("无法连接省级平台", "The province could not be reached"),
        "refused" => ("省级平台拒绝了本市的请求", "The province refused this city's request"),
        "signature" => ("省级目录的签名无效，未应用", "The provincial catalog's signature is not valid: nothing applied"),
        "malformed" => ("省级平台的答复无法读取", "The province's answer cannot be read"),
        "feed" => ("省级目录整页无法读取，未应用", "A page of the provincial catalog cannot be read: nothing applied"),
        "busy" => ("与其他修改冲突，请稍后重试", "It collided with another change; try again shortly"),
        "running" => ("另一个实例正在拉取省级目录，本次未拉取", "Another instance is pulling the provincial catalog: this pull did not run"),
        _ => ("同步失败", "The pull failed"),
    };
}
