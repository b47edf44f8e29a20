using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Audit;

namespace Tongban.Identity.Features.SignInHistory;

/// <summary>One line of my sign-in history: what happened, when, from where, and how it ended.</summary>
internal sealed record SignInEvent(DateTimeOffset At, string Action, string Address, bool Succeeded, string? Note);

/// <summary>
/// 登录记录: the signed-in person's own sign-ins, failures, locks, step-ups and password resets, read from the audit
/// chain by the account's own actor name, so nobody else's entries can appear.
/// </summary>
[Authorize]
internal sealed class SignInHistoryModel(AuditTrail audit) : PageModel
{
    public const int Shown = 100;

    public static readonly IReadOnlyList<(string Action, string Chinese, string English)> Actions =
    [
        ("identity.signed_in", "登录", "Signed in"),
        ("identity.sign_in_failed", "登录失败", "Sign-in failed"),
        ("identity.locked_out", "账号锁定", "Account locked"),
        ("identity.step_up", "实名认证", "Real-name verification"),
        ("identity.password_reset", "重置密码", "Password reset"),
    ];

    public IReadOnlyList<SignInEvent> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        var entries = await audit.ByActorAsync($"account:{id}", [.. Actions.Select(a => a.Action)], Shown, ct);
        Events = entries.Select(Read).ToList();
        return Page();
    }

    /// <summary>Details are written "from ADDRESS, note, …" by the identity module; a step-up says whether the registry matched.</summary>
    private static SignInEvent Read(AuditEntry e)
    {
        var parts = (e.Details ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries);
        var address = parts.FirstOrDefault(p => p.StartsWith("from ", StringComparison.Ordinal))?[5..] ?? "";
        var notes = parts.Where(p => !p.StartsWith("from ", StringComparison.Ordinal)).ToList();
        var succeeded = e.Action switch
        {
            "identity.signed_in" or "identity.password_reset" => true,
            "identity.step_up" => notes.FirstOrDefault() == $"L2 {nameof(Registries.Contracts.PersonCheck.Match)}",
            _ => false,
        };
        return new SignInEvent(e.OccurredAt, e.Action, address, succeeded, notes.Count > 0 ? string.Join(", ", notes) : null);
    }
}
