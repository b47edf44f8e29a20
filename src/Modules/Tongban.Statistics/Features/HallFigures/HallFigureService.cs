using System.Security.Claims;
using Tongban.Halls.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Organization.Contracts;
using Tongban.Statistics.Features.Indicators;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.HallFigures;

/// <summary>One row of the hall figures: a hall or a month, in words, its summed monthly figures and each hall indicator's value.</summary>
internal sealed record HallFigureRow(string Key, string LabelZh, string LabelEn, HallMonthFigures Sums)
{
    public decimal? Of(HallIndicator indicator) => indicator.Value(Sums);
}

internal sealed record HallFigureTable(string By, DateOnly From, DateOnly To, string? Hall, IReadOnlyList<HallFigureRow> Rows, HallFigureRow Total);

/// <summary>
/// The hall indicators by hall or month, from the Halls module's contract <see cref="IHallFigures"/>, the dates checked as
/// <see cref="FigureRequest"/> checks them. Halls serve every department, so their figures are region-wide: a department
/// head does not get them (not found), a leader of the whole government and an efficiency supervisor do.
/// </summary>
internal sealed class HallFigureService(IHallFigures halls, IOrganizationDirectory organization, FigureService figures)
{
    public static readonly string[] Slicings = ["hall", "month"];

    public async Task<HallFigureTable> ReadAsync(string? by, string? from, string? to, string? hall, ClaimsPrincipal user, CancellationToken ct)
    {
        var slicing = string.IsNullOrEmpty(by) ? "month" : by;
        var (query, chosen, all, months) = await ReadMonthsAsync(slicing, from, to, hall, user, ct);
        return Table(slicing, query, chosen, all, months);
    }

    /// <summary>The halls' figures by month and by hall over the same period, from one read of the halls' months (the dashboard shows both).</summary>
    public async Task<(HallFigureTable ByMonth, HallFigureTable ByHall)> ReadByMonthAndHallAsync(string? from, string? to, ClaimsPrincipal user, CancellationToken ct)
    {
        var (query, chosen, all, months) = await ReadMonthsAsync("month", from, to, null, user, ct);
        return (Table("month", query, chosen, all, months), Table("hall", query, chosen, all, months));
    }

    private async Task<(FigureQuery Query, HallInfo? Chosen, IReadOnlyList<HallInfo> All, IReadOnlyList<HallMonthFigures> Months)> ReadMonthsAsync(
        string slicing, string? from, string? to, string? hall, ClaimsPrincipal user, CancellationToken ct)
    {
        if (StatisticsScope.Of(user).Department is not null) throw new DomainException(DomainError.NotFound("大厅的统计", "The halls' figures"));
        var all = await organization.ListHallsAsync(ct);
        List<DomainError> errors = [];
        if (!Slicings.Contains(slicing, StringComparer.Ordinal))
            errors.Add(FigureRequest.Bad("by", "大厅数字的分组方式只能是 hall 或 month", "by must be hall or month for the hall figures"));
        var chosen = string.IsNullOrWhiteSpace(hall) ? null : all.FirstOrDefault(h => h.Slug == hall.Trim());
        if (!string.IsNullOrWhiteSpace(hall) && chosen is null) errors.Add(FigureRequest.Bad("hall", "没有这个大厅", "There is no such hall"));
        FigureQuery? query = null;
        try
        {
            query = await figures.CheckAsync(new FigureRequest(IndicatorRegistry.All[0].Code, null, from, to, null), user, ct);
        }
        catch (DomainException e) when (errors.Count > 0 && e.Errors.All(x => x.Kind == ErrorKind.BadRequest))
        {
            errors.AddRange(e.Errors);
        }
        if (errors.Count > 0) throw new DomainException(errors);
        return (query!, chosen, all, await halls.MonthlyAsync(query!.From, query.To, chosen?.Id, ct));
    }

    private static HallFigureTable Table(string slicing, FigureQuery query, HallInfo? chosen, IReadOnlyList<HallInfo> all, IReadOnlyList<HallMonthFigures> months)
    {
        var names = all.ToDictionary(h => h.Id);
        List<HallFigureRow> rows = [];
        foreach (var group in months.GroupBy(m => slicing == "month" ? m.Month : m.HallId.ToString()))
        {
            (string Zh, string En) label = slicing == "month" ? Labels.Month(group.Key)
                : names.TryGetValue(group.First().HallId, out var h) ? (h.Name, h.NameEn ?? h.Name) : Labels.NotStated;
            var key = slicing == "month" ? group.Key : names.TryGetValue(group.First().HallId, out var s) ? s.Slug : "";
            rows.Add(new(key, label.Zh, label.En, Sum(group)));
        }
        rows = slicing == "month" ? [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal)] : [.. rows.OrderByDescending(r => r.Sums.Tickets).ThenBy(r => r.Key, StringComparer.Ordinal)];
        return new HallFigureTable(slicing, query.From, query.To, chosen?.Slug, rows, new("", "合计", "Total", Sum(months)));
    }

    private static HallMonthFigures Sum(IEnumerable<HallMonthFigures> figures)
    {
        var list = figures.ToList();
        return new("", Guid.Empty, list.Sum(f => f.Tickets), list.Sum(f => f.TicketsCalled), list.Sum(f => f.WaitingSeconds),
            list.Sum(f => f.AppointmentsDue), list.Sum(f => f.AppointmentsCheckedIn));
    }
}
