using System.Security.Claims;
using Tongban.Kernel.Time;

namespace Tongban.Statistics.Features.QueryFigures;

/// <summary>A reader's request checked, scoped and answered: the one path the API, the dashboard and the exports take.</summary>
internal sealed class FigureService(FigureReader reader, Labels labels, RegionClock clock)
{
    public async Task<FigureTable> ReadAsync(FigureRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        await reader.ReadAsync(await CheckAsync(request, user, ct), ct);

    /// <summary>The figures by month and sliced as the request says, from one read (<see cref="FigureReader.ReadByMonthAndSliceAsync"/>).</summary>
    public async Task<(FigureTable ByMonth, FigureTable Sliced)> ReadByMonthAndSliceAsync(FigureRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        await reader.ReadByMonthAndSliceAsync(await CheckAsync(request, user, ct), ct);

    public async Task<FigureQuery> CheckAsync(FigureRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = request.Check(clock.Today);
        var scope = StatisticsScope.Of(user);
        var department = scope.Limit(query.Department);
        if (scope.Department is null) await labels.RequireDepartmentAsync(department, ct);
        await labels.RequireDivisionAsync(query.Division, ct);
        return query with { Department = department };
    }
}
