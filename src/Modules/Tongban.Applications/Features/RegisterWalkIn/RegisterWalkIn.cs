using System.Security.Claims;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;
using Tongban.Kernel.Web;

namespace Tongban.Applications.Features.RegisterWalkIn;

/// <summary>A walk-in application as the window clerk types it. <see cref="Key"/> comes with the form, so a double click is one case.</summary>
internal sealed class WalkInInput
{
    public string? IdNumber { get; set; }
    public string? ItemCode { get; set; }

    /// <summary>A bundle (一件事) instead of an item: one form and one set of materials, one case per item.</summary>
    public string? BundleCode { get; set; }

    public string? Key { get; set; }
    public string? Window { get; set; }

    /// <summary>With <see cref="Ticket"/>: the hall (its slug) whose queue ticket the clerk serves at <see cref="Window"/>.</summary>
    public string? Hall { get; set; }

    /// <summary>The queue ticket called to the window (A012): the visit is recorded against it and its rating joins the case's.</summary>
    public string? Ticket { get; set; }
    public ApplicationInput Application { get; set; } = new();

    /// <summary>The materials whose electronic license the applicant agreed, in person, to have looked up (by material key).</summary>
    public List<string>? Licenses { get; set; }
}

/// <summary>
/// 窗口收件: the clerk finds the applicant's account by ID number (the read is audited with its purpose, the number
/// only masked) and submits for them — an item, or a bundle as one case per item. The visit counts as a trip on each case;
/// started from a hall's called ticket, the trip names the hall, the window and the ticket, which must be the one the clerk
/// serves at that window now (kernel <see cref="IHallCounter"/>, the halls module).
/// </summary>
internal sealed class RegisterWalkIn(ApplicationsDbContext db, IAccountDirectory accounts, SubmitApplication.SubmitApplication submit,
    ApplyOnline.ApplyOnline targets, ProvideMaterials.UseLicense licenses, IEnumerable<IHallCounter> counters, RegionClock clock)
{
    /// <summary>The applicant's account by ID number; the read is audited with <paramref name="purpose"/> (e.g. "窗口收件 walk-in application for {item}").</summary>
    public async Task<AccountInfo> FindApplicantAsync(string? idNumber, string purpose, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ResidentIdNumber.TryParse(idNumber, out var id, out var error)) throw new DomainException(error!.At("id_number"));
        var account = await accounts.FindByIdNumberAsync(id.Value.Value, ct);
        db.Audit(new AuditRecord(Actor.Of(user), "applications.applicant_looked_up", $"person:{id.Value.Masked}",
            $"{purpose}{(account is null ? " (no account)" : "")}", clock.UtcNow));
        await db.SaveChangesAsync(ct);
        return account ?? throw new DomainException(new DomainError("case.applicant_unknown", "该身份证号尚未注册账户，请先为申请人注册或核验身份",
            "No account has this ID number; register or verify the applicant first", ErrorKind.NotFound, "id_number"));
    }

    public static string WalkInPurpose(string itemCode) => $"窗口收件 walk-in application for {itemCode}";

    /// <summary>The item's case, or with <paramref name="bundle"/> the cases of <see cref="WalkInInput.BundleCode"/>'s items (all or none).</summary>
    public async Task<(IReadOnlyList<Case> Cases, bool Created)> SubmitAsync(WalkInInput input, bool bundle, ClaimsPrincipal user, CancellationToken ct)
    {
        var target = await targets.FindTargetAsync(bundle ? input.BundleCode : input.ItemCode, bundle, ct);
        var ticket = await TicketAsync(input, user, ct);
        var account = await FindApplicantAsync(input.IdNumber, WalkInPurpose(target.Code), user, ct);
        var actor = Actor.Of(user);
        var key = Submission.KeyOf(input.Key);
        // At a station (驿站) the case records it, so the station's queue shows it; elsewhere it is a window of a hall.
        var station = StaffScope.Of(user).StationKey;
        // A trip's place holds both languages, as "窗口 window 3" does.
        var window = ticket is not null ? HallTickets.PlaceOf(ticket)
            : string.IsNullOrWhiteSpace(input.Window) ? "窗口 window" : $"窗口 window {input.Window.Trim()}";
        var place = station is null ? window : $"驿站 station {station} {window}";
        var materials = await licenses.InPersonAsync(target, account.Id, input.Application.MaterialRefs, input.Licenses, new ProvideMaterials.InPerson("窗口收件", "申请人"), user, ct);
        return await submit.SubmitTargetAsync(target, new Submission(target.Code, account.Id, input.Application.FormValues, materials,
            station is null ? Channel.Window : Channel.Station, $"walk-in:{actor}:{key}", actor, place, station, ticket?.TicketId), Guid.NewGuid(), null, ct);
    }

    /// <summary>The hall's ticket the walk-in is started from, when one is named: it must be the one called to the clerk's window now.</summary>
    public Task<CounterTicket?> TicketAsync(WalkInInput input, ClaimsPrincipal user, CancellationToken ct) =>
        HallTickets.ServingAsync(counters, input.Hall, input.Window, input.Ticket, user, ct);
}

/// <summary>A visit served under a hall's queue ticket, for a walk-in or a visit to an existing case.</summary>
internal static class HallTickets
{
    /// <summary>The ticket named, when one is: it must be the one called to the clerk's window now (kernel <see cref="IHallCounter"/>, the halls module).</summary>
    public static async Task<CounterTicket?> ServingAsync(IEnumerable<IHallCounter> counters, string? hall, string? window, string? ticket, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ticket)) return null;
        if (string.IsNullOrWhiteSpace(hall) || string.IsNullOrWhiteSpace(window))
            throw new DomainException(new DomainError("case.ticket_without_window", "从号票办理须指明大厅和窗口", "A visit from a ticket names the hall and the window", Field: "ticket"));
        var counter = counters.FirstOrDefault() ?? throw new DomainException(new DomainError("case.ticket_unavailable",
            "本平台未启用大厅排队叫号，不能从号票办理", "This platform runs no hall queue, so nothing can start from a ticket", Field: "ticket"));
        return await counter.ServingAsync(hall.Trim(), window.Trim(), ticket.Trim(), user, ct);
    }

    /// <summary>A hall, window or ticket as a page's address gives it: trimmed, or null when empty or longer than <paramref name="max"/>.</summary>
    public static string? Short(string? text, int max) => text?.Trim() is { Length: > 0 } t && t.Length <= max ? t : null;

    /// <summary>A trip's place in both languages, as "窗口 window 3" is: the hall, the window and the ticket.</summary>
    public static string PlaceOf(CounterTicket ticket) => $"{ticket.Place}（{ticket.PlaceEn}）";
}
