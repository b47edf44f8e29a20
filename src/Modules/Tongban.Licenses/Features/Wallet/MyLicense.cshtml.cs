using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ReadLicenses;
using Tongban.Licenses.Features.VerifyLicense;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.Wallet;

/// <summary>One use as the holder reads it: when (region time), who (a department's name or the kind of reader), why, what it found.</summary>
internal sealed record UseLine(DateTimeOffset At, (string Zh, string En) Kind, string? Department, string Purpose, (string Zh, string En) Result);

/// <summary>
/// One of my licenses: its face read through the seal, the QR code to its verification page, the links I gave to show
/// it (make one for a few days, revoke one) and who used it ("谁用了我的证照").
/// </summary>
[Authorize]
internal sealed class MyLicenseModel(Wallet wallet, ShareLicense shares, IOrganizationDirectory organization, Kernel.Time.RegionClock clock, IOptions<LicensesOptions> options) : PageModel
{
    public static readonly int[] ShareDays = [1, 3, 7, 30];

    public LicenseView License { get; private set; } = null!;
    public IReadOnlyList<UseLine> Uses { get; private set; } = [];
    public IReadOnlyList<ShareLink> Shares { get; private set; } = [];
    public string? NewLink { get; private set; }
    public DateTimeOffset Now => clock.UtcNow;
    public TimeSpan Offset => clock.LocalNow.Offset; // the region keeps one offset all year (China has no summer time)

    public Task OnGetAsync(string identifier, CancellationToken ct) => LoadAsync(identifier, ct);

    // Each handler loads the license first: a refused request shows the page again with the message beside it.
    public async Task<IActionResult> OnPostShareAsync(string identifier, int days, CancellationToken ct)
    {
        await LoadAsync(identifier, ct);
        var token = await shares.ShareAsync(await wallet.HolderAsync(User, ct), identifier, ShareDays.Contains(days) ? days : 0, ct);
        NewLink = $"{QrCodes.Origin(Request, options.Value)}/licenses/shared/{token}";
        await LoadAsync(identifier, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string identifier, Guid share, CancellationToken ct)
    {
        await LoadAsync(identifier, ct);
        await shares.RevokeAsync(await wallet.HolderAsync(User, ct), identifier, share, ct);
        return Redirect($"/my/licenses/{License.Identifier}#shares");
    }

    private async Task LoadAsync(string identifier, CancellationToken ct)
    {
        var sealedLicense = await wallet.OpenAsync(await wallet.HolderAsync(User, ct), identifier, ct);
        License = LicenseView.Of(sealedLicense, await wallet.DefinitionAsync(sealedLicense.License, ct), unmasked: false);
        Shares = await wallet.SharesAsync(sealedLicense.License.Id, ct);
        var uses = await wallet.UsesAsync(sealedLicense.License.Id, ct);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var code in uses.Select(u => u.Department).OfType<string>().Distinct())
            names[code] = (await organization.FindDepartmentByCreditCodeAsync(code, ct))?.Name;
        Uses = [.. uses.Select(u => new UseLine(u.At.ToOffset(Offset), UseText.Kind(u.Kind), u.Department is { } d ? names.GetValueOrDefault(d) : null, u.Purpose, UseText.Result(u.Result)))];
    }
}
