using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Features.RegisterWalkIn;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.HandleCase;

/// <summary>
/// 到场登记: the holder of the ticket called to the clerk's window comes back about a case they already have (a correction,
/// a question, collecting the result): the clerk types the case number, the applicant's ID number (from their ID card: the
/// case is found by both, whatever department's it is) and the purpose, and the visit is recorded on it against the
/// ticket — a trip naming the hall, the window and the ticket — so the window's rating joins that case. Linked from the
/// calling page beside the walk-in application; done, the page says so and leads back to the calling page.
/// </summary>
[Authorize(Policy = StaffPolicies.WalkIn)]
internal sealed class TicketVisitModel(HandleCase handler) : PageModel
{
    [BindProperty] public CaseActionInput Input { get; set; } = new();
    [BindProperty] public string? Number { get; set; }

    /// <summary>The case just recorded on (after the redirect), with the hall and window to go back to.</summary>
    public string? Recorded { get; private set; }

    public void OnGet(string? hall, string? window, string? ticket, string? recorded) =>
        (Input.Hall, Input.Window, Input.Ticket, Recorded) = (HallTickets.Short(hall, 60), HallTickets.Short(window, 20), HallTickets.Short(ticket, 8), HallTickets.Short(recorded, 40));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Ticket))
            throw new DomainException(new DomainError("case.ticket_required", "请从叫号页面打开本页，登记正在办理的号票", "Open this page from the calling page, for the ticket being served", Field: "ticket"));
        if (string.IsNullOrWhiteSpace(Number))
            throw new DomainException(new DomainError("case.number_required", "请填写办件编号", "Give the case number", Field: "number"));
        try
        {
            var @case = await handler.ActAsync(Number.Trim(), "record-trip", Input, User, ct);
            return Redirect($"/admin/cases/ticket-visit?hall={Uri.EscapeDataString(Input.Hall!)}&window={Uri.EscapeDataString(Input.Window!)}&recorded={Uri.EscapeDataString(@case.Number)}");
        }
        catch (DomainException e) when (e.Kind == ErrorKind.NotFound)
        {
            // A mistyped number is said beside the field, not as a page not found.
            throw new DomainException(new DomainError("case.number_unknown", "该身份证号的申请人没有这个编号的办件",
                "The applicant with this ID number has no case of this number", ErrorKind.BadRequest, "number"));
        }
    }
}
