using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Registries.Contracts;

namespace Tongban.Identity.Features.MyDataReads;

/// <summary>谁查看了我的数据: every logged read of the signed-in person's registry records, with caller and purpose.</summary>
[Authorize]
internal sealed class MyDataReadsModel(AccountsDbContext db, IRegistryRecords registries) : PageModel
{
    public IReadOnlyList<AccessView> Reads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        var idNumber = await db.Users.AsNoTracking().Where(a => a.Id == id).Select(a => a.IdNumber).SingleOrDefaultAsync(ct);
        if (idNumber is null) return Forbid();
        Reads = await registries.ReadsOfAsync(idNumber, 200, ct);
        return Page();
    }
}
