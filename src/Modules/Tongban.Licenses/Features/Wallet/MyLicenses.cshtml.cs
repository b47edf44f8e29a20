using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Licenses.Features.Wallet;

/// <summary>我的证照: the signed-in person's licenses and those of the enterprises they may use licenses for, newest first (replaced versions stay out of the list).</summary>
[Authorize]
internal sealed class MyLicensesModel(Wallet wallet) : PageModel
{
    public IReadOnlyList<WalletRow> Licenses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Licenses = await wallet.ListAsync(await wallet.HolderAsync(User, ct), ct);
}
