using System.Security.Claims;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Applications.Features.ViewCase;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Errors;

namespace Tongban.Applications.Features.ApplyOnline;

/// <summary>Whether the person can start filling in the form: the item is open online and their real-name level is enough.</summary>
internal sealed record Readiness(bool Online, int Needed, int Held, string StepUpPath)
{
    public bool LevelTooLow => Held < Needed;

    public bool Ready => Online && !LevelTooLow;
}

/// <summary>
/// What is checked before the form, not at submit: an item that takes no online applications, and a real-name level below
/// the one the item (or the highest of a bundle's items) needs — the page says so with the way to raise it, and a draft
/// is not started.
/// </summary>
internal sealed class ApplyGate(IAccountDirectory accounts)
{
    public async Task<Readiness> CheckAsync(ApplicationTarget target, ClaimsPrincipal user, CancellationToken ct)
    {
        var held = await accounts.RealNameLevelAsync(Applicants.IdOf(user), ct) ?? RealNameLevelInfo.L1;
        return new Readiness(target.Items.All(i => i.CanApplyOnline), target.RealNameLevel, (int)held, accounts.StepUpPath);
    }

    /// <summary>Refuses to start a draft the person could not submit: each reason a named error, the level's with where to raise it.</summary>
    public async Task RequireReadyAsync(ApplicationTarget target, ClaimsPrincipal user, CancellationToken ct)
    {
        var readiness = await CheckAsync(target, user, ct);
        if (!readiness.Online)
            throw new DomainException(new DomainError("case.not_online", $"“{target.Name}”暂不能在线申请，请按办事指南到现场办理",
                $"'{target.Name}' cannot be applied for online; apply in person as its guide says", ErrorKind.Conflict, "item_code"));
        if (readiness.LevelTooLow)
            throw LevelTooLow(readiness.Needed, readiness.StepUpPath);
    }

    public static DomainException LevelTooLow(int level, string stepUpPath) => new(new DomainError("case.real_name_level",
        $"该事项需要实名等级L{level}，请先提升（{stepUpPath}）", $"This item needs real-name level L{level}; raise yours first ({stepUpPath})", ErrorKind.Forbidden));
}
