namespace Tongban.Kernel.Web;

/// <summary>
/// Cases concluded over a period per department (credit code), with those that had a promised date, those concluded on
/// or before it, those concluded after it (超期办结), and the on-time rate (按时办结率) as the statistics define it (null
/// when no concluded case had a promised date): what the efficiency supervisor's board (the applications module) shows
/// beside its open overdue cases, without knowing the statistics module, which implements it from its daily roll-ups.
/// Register with <c>services.AddScoped&lt;IOverdueFigures, …&gt;()</c>.
/// </summary>
public interface IOverdueFigures
{
    Task<IReadOnlyList<DepartmentOverdueFigure>> ByDepartmentAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>One department's concluded cases over a period and how many came late.</summary>
public sealed record DepartmentOverdueFigure(string DepartmentCode, long Concluded, long WithPromisedDate, long OnTime, long Overdue, decimal? OnTimeRate);
