using Tongban.Kernel.Errors;

namespace Tongban.Halls.Domain;

/// <summary>The module's refusals, each named and in both languages.</summary>
internal static class HallErrors
{
    public static DomainException Invalid(string code, string zh, string en, string? field = null) =>
        new(new DomainError(code, zh, en, ErrorKind.Invalid, field));

    public static DomainException Conflict(string code, string zh, string en) =>
        new(new DomainError(code, zh, en, ErrorKind.Conflict));

    public static DomainException HallNotFound() => new(DomainError.NotFound("服务大厅", "The hall"));

    public static DomainException TicketNotFound() => new(DomainError.NotFound("号票", "The ticket"));

    public static DomainException NoCategories(string window) => Conflict("calling.window_serves_nothing",
        $"{window}号窗口尚未设置办理的业务类别，无法叫号；请联系大厅管理员设置", $"Window {window} serves no business category yet, so it cannot call; ask the hall administrator to set its categories");

    public static DomainException NotYourWindow(string window) => new(new DomainError("calling.not_your_window",
        $"您不属于{window}号窗口所在的部门，不能在此窗口叫号", $"You are not staff of the department at window {window} and cannot call there", ErrorKind.Forbidden));
}
