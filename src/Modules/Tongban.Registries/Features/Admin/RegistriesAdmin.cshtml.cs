using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Security;
using Tongban.Registries.Contracts;
using Tongban.Registries.Features.ReadRecords;
using Tongban.Registries.Features.LogAccess;

namespace Tongban.Registries.Features.Admin;

/// <summary>The registries at a glance: records held, reads by department and resource, "who read my data", the access log's chain.</summary>
[Authorize(Policy = Policies.DataAdministrator)]
internal sealed class RegistriesAdminModel(IRegistryRecords records, ReadsOfSubject readsOf, ChainVerifier verifier) : PageModel
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
        (MaskedSubject, Reads) = await readsOf.ShowAsync(SubjectKey, 200, Actor.Of(User), nameof(SubjectKey), ct);
        // The number is not shown again: the page keeps only its masked form.
        SubjectKey = null;
        ModelState.Remove(nameof(SubjectKey));
    }

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Verification = await verifier.VerifyAsync(AccessLog.ChainName, CheckpointSources.Default, ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Counts = await records.CountAsync(ct);
        Calls = await records.CallStatisticsAsync(ct);
    }
}
