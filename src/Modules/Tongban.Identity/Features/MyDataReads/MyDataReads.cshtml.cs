using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Kernel.Localization;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;
using Tongban.Registries.Contracts;
using Tongban.Sharing.Contracts;

namespace Tongban.Identity.Features.MyDataReads;

/// <summary>One read as the person reads it: who (a system or a department's system), for whom, why, and which data — all by name.</summary>
internal sealed record ReadLine(DateTimeOffset At, string Who, string? ForWhom, string Purpose, string Data);

/// <summary>
/// 谁查看了我的数据: every logged read of the signed-in person's registry records. The log keeps ids (caller, department,
/// account, resource); each is named here for the person — staff as role and department only (<see cref="ActorNames.ForPublic"/>).
/// </summary>
[Authorize]
internal sealed class MyDataReadsModel(AccountsDbContext db, IRegistryRecords registries, ActorDirectory actors, IOrganizationDirectory organization, IDataGrants resources)
    : PageModel
{
    public IReadOnlyList<ReadLine> Reads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        var idNumber = await db.Users.AsNoTracking().Where(a => a.Id == id).Select(a => a.IdNumber).SingleOrDefaultAsync(ct);
        if (idNumber is null) return Forbid();
        var reads = await registries.ReadsOfAsync(idNumber, 200, ct);
        var names = await actors.NamesAsync(reads.Select(r => r.Caller).Concat(reads.Select(r => r.OnBehalfOf)), ct);
        var departments = new Dictionary<string, string?>();
        var data = new Dictionary<string, string>();
        foreach (var r in reads)
        {
            if (r.CallerDepartment is { } code && !departments.ContainsKey(code))
                departments[code] = await organization.FindDepartmentByCreditCodeAsync(code, ct) is { } d ? Text.Pick(d.Name, d.NameEn) : null;
            if (!data.ContainsKey(r.Resource)) data[r.Resource] = await DataAsync(r.Resource, ct);
        }
        Reads = [.. reads.Select(r => Line(r, names, r.CallerDepartment is null ? null : departments[r.CallerDepartment], data[r.Resource], id))];
        return Page();
    }

    private static ReadLine Line(AccessView r, ActorNames names, string? department, string data, Guid self)
    {
        var who = names.ForPublic(r.Caller);
        if (department is not null && !who.Contains(department, StringComparison.Ordinal)) who = Text.T($"{who}（{department}）", $"{who} ({department})");
        var forWhom = r.OnBehalfOf is null ? null : names.ForPublic(r.OnBehalfOf, self, department: department);
        return new ReadLine(r.At, who, forWhom, r.Purpose, data);
    }

    private async Task<string> DataAsync(string resource, CancellationToken ct) =>
        RegistryResources.NameOf(resource) is var (zh, en) ? Text.T(zh, en)
        : await resources.FindPublishedResourceAsync(resource, ct) is { } shared ? shared.Name
        : Text.T("登记信息", "Registry data");
}
