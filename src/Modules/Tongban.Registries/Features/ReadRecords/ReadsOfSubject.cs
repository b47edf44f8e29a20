using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;

namespace Tongban.Registries.Features.ReadRecords;

/// <summary>
/// "Who read my data" for staff acting on a person's request (page and API). Looking at whom a person's data was
/// shown to is itself a look at that person, so it is audited, with the number masked.
/// </summary>
internal sealed class ReadsOfSubject(IRegistryRecords records, RegistriesDbContext db, TimeProvider clock)
{
    public async Task<(string MaskedSubject, IReadOnlyList<AccessView> Reads)> ShowAsync(string? subjectKey, int limit, string actor, string field, CancellationToken ct)
    {
        var key = subjectKey?.Trim().ToUpperInvariant() ?? "";
        if (!ResidentIdNumber.TryParse(key, out _, out _) && !CreditCode.TryParse(key, out _, out _))
            throw new DomainException(new DomainError("registry.subject_invalid", "请输入有效的居民身份证号码或统一社会信用代码",
                "Enter a valid ID number or credit code", Field: field));
        var reads = await records.ReadsOfAsync(key, limit, ct);
        var masked = ResidentIdNumber.Mask(key);
        db.Audit(new AuditRecord(actor, "registries.reads_of", $"subject:{masked}", $"{reads.Count} reads shown", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return (masked, reads);
    }
}
