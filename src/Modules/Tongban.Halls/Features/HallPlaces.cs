using Tongban.Halls.Domain;
using Tongban.Organization.Contracts;

namespace Tongban.Halls.Features;

/// <summary>A hall as this module needs it: the organisation's record and its windows.</summary>
internal sealed record HallPlace(HallInfo Hall, IReadOnlyList<WindowInfo> Windows)
{
    public Guid Id => Hall.Id;

    public WindowInfo Window(string number) => Windows.FirstOrDefault(w => w.Number == number)
        ?? throw new Kernel.Errors.DomainException(Kernel.Errors.DomainError.NotFound("窗口", "The window"));

    /// <summary>A visit at a window, worded for people in both languages (a case's trip, a rating's place): the hall, the window, the ticket.</summary>
    public (string Zh, string En) VisitPlace(string window, string ticket) =>
        ($"{Hall.Name} {window}号窗口 {ticket}号", $"{Hall.NameEn ?? Hall.Name}, window {window}, ticket {ticket}");
}

/// <summary>Finds halls by their slug through the organisation module's directory.</summary>
internal sealed class HallPlaces(IOrganizationDirectory organization)
{
    public async Task<HallPlace> GetAsync(string slug, CancellationToken ct) =>
        new(await HallAsync(slug, ct), await organization.ListWindowsAsync(slug, ct));

    /// <summary>The hall without its windows, for what runs per ticket and needs none.</summary>
    public async Task<HallInfo> HallAsync(string slug, CancellationToken ct) =>
        await organization.FindHallAsync(slug, ct) ?? throw HallErrors.HallNotFound();
}
