using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Passwords;
using Tongban.Identity.Features.Sessions;
using Tongban.Identity.Features.SignIn;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;

namespace Tongban.Identity.Features.Reset;

/// <summary>Reset a forgotten password with a code sent to the account's phone; every session of the account ends.</summary>
internal sealed class ResetPasswordModel(OneTimeCodes codes, UserManager<Account> users, AccountsDbContext db, SessionStore sessions, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public bool CodeSent { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct)
    {
        await codes.SendAsync(Phone, CodePurpose.ResetPassword, ct);
        CodeSent = true;
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        CodeSent = true;
        var account = await codes.CheckAsync(Phone, Code, CodePurpose.ResetPassword, ct);
        await users.SetCheckedPasswordAsync(account, NewPassword, "new_password");
        account.RecordSignIn(); // a proven owner: the failure count and any lock are cleared
        await users.UpdateSecurityStampAsync(account);
        db.Audit(new AuditRecord($"account:{account.Id}", "identity.password_reset", $"account:{account.MaskedIdNumber}", $"from {ClientAddress.Of(HttpContext)}", clock.GetUtcNow()));
        await sessions.EndAllAsync(db, account.Id, keep: null, ct);
        Done = true;
        return Page();
    }
}
