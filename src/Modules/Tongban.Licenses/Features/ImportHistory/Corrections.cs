using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Signing;

namespace Tongban.Licenses.Features.ImportHistory;

/// <summary>
/// The correction of a rejected historical record: the administrator's corrected record goes through every check of
/// the import again; if it passes it is sealed (the same source key as its line, so it is imported once) and the
/// rejection is resolved naming the license, in one transaction; if not, the rejection keeps the record and its new reasons.
/// </summary>
internal sealed class Corrections(LicensesDbContext db, ImportHistory import, HistorySealing sealing, TimeProvider time)
{
    public async Task<ImportRejection> FindAsync(Guid id, CancellationToken ct) =>
        await db.ImportRejections.SingleOrDefaultAsync(r => r.Id == id, ct)
        ?? throw new DomainException(DomainError.NotFound("被拒绝的记录", "Rejected record"));

    /// <summary>The identifier of the license made, or null with the rejection's new reasons stored.</summary>
    public async Task<string?> ResubmitAsync(Guid id, IReadOnlyDictionary<string, string?> record, LicenseOfficer officer, CancellationToken ct)
    {
        var rejection = await OpenAsync(id, officer, ct);
        var actor = officer.Actor;
        var cells = record.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value!.Trim(), StringComparer.Ordinal);
        if (officer.Authority is { } own && !string.Equals(cells.GetValueOrDefault("issuer_code")?.ToUpperInvariant(), own, StringComparison.Ordinal)) throw OtherAuthority();
        var line = HistoryLines.Scrub(new HistoryLine(rejection.Line, cells)); // a NUL typed into the API is stored as U+FFFD and refused
        var (candidates, rejections) = await import.CheckAsync(await import.ChecksAsync(ct), [line], actor, ct);
        if (candidates is not [var candidate])
        {
            rejection.StillWrong(line.Cells, rejections[0].Reasons);
            await db.SaveChangesAsync(ct);
            return null;
        }
        var keys = await sealing.KeysAsync(candidates, [], ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var licenses = await sealing.SealAsync(candidates, c => ImportHistory.SourceKey(rejection.RunId, c.Line), actor, keys, ct);
        rejection.Resolve(licenses[0].Identifier, actor, time.GetUtcNow());
        db.Audit(new AuditRecord(actor, "licenses.history_corrected", $"license:{licenses[0].Identifier}", $"import line {rejection.Line} corrected and imported", time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return licenses[0].Identifier;
    }

    public async Task DismissAsync(Guid id, string? note, LicenseOfficer officer, CancellationToken ct)
    {
        var rejection = await OpenAsync(id, officer, ct);
        var actor = officer.Actor;
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > 500)
            throw new DomainException(new DomainError("license.reason_required", "请填写原因（不超过500字）", "Give the reason (500 characters at most)", Field: "note"));
        rejection.Dismiss(note.Trim(), actor, time.GetUtcNow());
        db.Audit(new AuditRecord(actor, "licenses.history_dismissed", $"license-import:{rejection.RunId}", $"line {rejection.Line} set aside", time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An open rejection the officer may deal with: an authority's administrator, their own authority's lines only; a region-wide one, any.</summary>
    private async Task<ImportRejection> OpenAsync(Guid id, LicenseOfficer officer, CancellationToken ct)
    {
        var rejection = await FindAsync(id, ct);
        if (officer.Authority is { } own && own != rejection.IssuerCode) throw OtherAuthority();
        return rejection.State == RejectionState.Open ? rejection
            : throw new DomainException(new DomainError("license_import.closed", "该记录已处理", "This record has already been dealt with", ErrorKind.Conflict));
    }

    private static DomainException OtherAuthority() => new(new DomainError("license.other_authority", "只能更正本部门（颁发机构）的记录",
        "You may correct only your own department's (issuing authority's) records", ErrorKind.Forbidden, "issuer_code"));
}
