using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Localization;
using Tongban.Kernel.Time;
using Tongban.Registries.Contracts;

namespace Tongban.Identity.Features.SignInHistory;

/// <summary>One line of my sign-in history: what happened, when, from where, and how it ended.</summary>
internal sealed record SignInEvent(DateTimeOffset At, string Action, string Address, bool Succeeded, string? Note);

/// <summary>
/// 登录记录: the signed-in person's own sign-ins, failures, locks, step-ups and password resets, read from the audit
/// chain by the account's own actor name, so nobody else's entries can appear.
/// </summary>
[Authorize]
internal sealed class SignInHistoryModel(AuditTrail audit, RegionClock clock) : PageModel
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
    private SignInEvent Read(AuditEntry e)
    {
        var parts = (e.Details ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries);
        var address = parts.FirstOrDefault(p => p.StartsWith("from ", StringComparison.Ordinal))?[5..] ?? "";
        var notes = parts.Where(p => !p.StartsWith("from ", StringComparison.Ordinal)).ToList();
        var succeeded = e.Action switch
        {
            "identity.signed_in" or "identity.password_reset" => true,
            "identity.step_up" => notes.FirstOrDefault() == $"L2 {nameof(PersonCheck.Match)}",
            _ => false,
        };
        var read = notes.Select(Note).OfType<string>().ToList();
        return new SignInEvent(e.OccurredAt, e.Action, address == "unknown" ? "" : address, succeeded, read.Count > 0 ? string.Join(Text.T("；", "; "), read) : null);
    }

    /// <summary>A note of the audit record in words; the record keeps the identity module's terse form.</summary>
    private string? Note(string note) => note switch
    {
        "deactivated" => Text.T("账号已停用", "the account is deactivated"),
        "while locked" => Text.T("账号锁定期间", "while the account was locked"),
        "authenticator enrolment" => Text.T("设置动态口令", "setting up the authenticator"),
        "unknown account" => Text.T("没有这个账号", "no such account"),
        _ when note.StartsWith("until ", StringComparison.Ordinal) && DateTimeOffset.TryParse(note[6..], CultureInfo.InvariantCulture, DateTimeStyles.None, out var until)
            => Text.T($"锁定至{clock.Show(until)}", $"locked until {clock.Show(until)}"),
        _ when note.StartsWith("L2 ", StringComparison.Ordinal) => note[3..] switch
        {
            nameof(PersonCheck.Match) => Text.T("与人口库登记一致，升为二级实名", "matched the population registry: level 2"),
            nameof(PersonCheck.Deceased) => Text.T("人口库登记为已死亡", "registered as deceased"),
            _ => Text.T("与人口库登记不一致", "did not match the population registry"),
        },
        _ => null,
    };
}
