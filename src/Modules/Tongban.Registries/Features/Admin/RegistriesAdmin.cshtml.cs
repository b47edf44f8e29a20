using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;
using Tongban.Registries.Features.LogAccess;

namespace Tongban.Registries.Features.Admin;

/// <summary>The registries at a glance: records held, reads by department and resource, "who read my data", the access log's chain.</summary>
[Authorize(Policy = Policies.DataAdministrator)]
internal sealed class RegistriesAdminModel(IRegistryRecords records, RegistriesDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RegistryCount> Counts { get; private set; } = [];
    public CallStatistics Calls { get; private set; } = new(0, [], []);
    public IReadOnlyList<AccessView>? Reads { get; private set; }
    public string? MaskedSubject { get; private set; }
    public AuditVerification? Verification { get; private set; }

    [BindProperty] public string? SubjectKey { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task OnPostReadsAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var key = SubjectKey?.Trim() ?? "";
        if (!ResidentIdNumber.TryParse(key, out _, out _) && !CreditCode.TryParse(key, out _, out _))
            throw new DomainException(new DomainError("registry.subject_invalid", "请输入有效的居民身份证号码或统一社会信用代码",
                "Enter a valid ID number or credit code", Field: nameof(SubjectKey)));
        Reads = await records.ReadsOfAsync(key, 200, ct);
        MaskedSubject = ResidentIdNumber.Mask(key.ToUpperInvariant());
        db.Audit(new AuditRecord(Actor.Of(User), "registries.reads_of", $"subject:{MaskedSubject}", $"{Reads.Count} reads shown", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        // The number is not shown again: the page keeps only its masked form.
        SubjectKey = null;
        ModelState.Remove(nameof(SubjectKey));
    }

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Verification = await AccessLog.VerifyAsync(db, ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Counts = await records.CountAsync(ct);
        Calls = await records.CallStatisticsAsync(ct);
    }
}
