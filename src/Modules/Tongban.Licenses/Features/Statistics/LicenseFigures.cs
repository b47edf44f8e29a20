using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Time;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.Statistics;

/// <summary>
/// <see cref="ILicenseFigures"/>: counted in the database over the whole period at once, each row put in its month by a
/// CASE over the months' first instants (<see cref="MonthGrouping.GroupByMonth"/>), grouped by month and authority over an indexed time
/// range — lic_licenses (issued_at, issuer, source) or, for one department, (issuer, issued_at); lic_uses (kind, at),
/// then each use's license by its key — so the answer is months × authorities rows from two queries, never the licenses
/// themselves. A month is the region's: from its first day's midnight to the next month's.
/// </summary>
internal sealed class LicenseFigures(LicensesDbContext db, RegionClock clock) : ILicenseFigures
{
    private static readonly UseKind[] VerificationKinds = [UseKind.Verified, UseKind.PublicCheck, UseKind.SharedView, UseKind.CaseCheck];

    /// <summary>Every kind, named in the query so that the uses' (kind, at) index serves a month's range.</summary>
    private static readonly UseKind[] AllKinds = Enum.GetValues<UseKind>();

    /// <summary>Months counted by one pair of queries: a dashboard's year is one; a longer period is read in parts so that the CASE stays short.</summary>
    private const int MonthsPerRead = 24;

    public async Task<IReadOnlyList<LicenseMonthFigures>> MonthlyAsync(DateOnly from, DateOnly to, string? department, CancellationToken cancellationToken)
    {
        List<(string Key, DateTimeOffset Start)> months = [];
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            months.Add((month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), clock.At(month < from ? from : month, TimeOnly.MinValue)));
        var end = clock.At(to.AddDays(1), TimeOnly.MinValue);
        List<LicenseMonthFigures> rows = [];
        for (var first = 0; first < months.Count; first += MonthsPerRead)
        {
            var part = months.Skip(first).Take(MonthsPerRead).ToList();
            rows.AddRange(await MonthsAsync(part, first + MonthsPerRead < months.Count ? months[first + MonthsPerRead].Start : end, department, cancellationToken));
        }
        return rows;
    }

    /// <summary>The figures of consecutive months (their keys and first instants) up to <paramref name="end"/>, by month and authority.</summary>
    private async Task<List<LicenseMonthFigures>> MonthsAsync(List<(string Key, DateTimeOffset Start)> months, DateTimeOffset end, string? department, CancellationToken ct)
    {
        var (start, starts) = (months[0].Start, months.Select(m => m.Start).ToList());
        var licenses = db.Licenses.AsNoTracking().Where(l => department == null || l.IssuerCode == department);
        var issued = await licenses.Where(l => l.IssuedAt >= start && l.IssuedAt < end)
            .GroupByMonth(l => new { l.IssuerCode, Imported = l.Source == LicenseSource.Import, Month = MonthGrouping.MonthOf(l.IssuedAt) }, starts)
            .Select(g => new { g.Key.IssuerCode, g.Key.Imported, g.Key.Month, Count = g.LongCount() }).ToListAsync(ct);
        var uses = await db.Uses.AsNoTracking().Where(u => EF.Constant(AllKinds).Contains(u.Kind) && u.At >= start && u.At < end)
            .Join(licenses, u => u.LicenseId, l => l.Id, (u, l) => new { l.IssuerCode, u.Kind, u.At })
            .GroupByMonth(u => new { u.IssuerCode, u.Kind, Month = MonthGrouping.MonthOf(u.At) }, starts)
            .Select(g => new { g.Key.IssuerCode, g.Key.Kind, g.Key.Month, Count = g.LongCount() }).ToListAsync(ct);

        List<LicenseMonthFigures> rows = [];
        for (var m = 0; m < months.Count; m++)
        {
            var (inMonth, usesInMonth) = (issued.Where(i => i.Month == m).ToList(), uses.Where(u => u.Month == m).ToList());
            foreach (var authority in inMonth.Select(i => i.IssuerCode).Concat(usesInMonth.Select(u => u.IssuerCode)).Distinct().Order(StringComparer.Ordinal))
                rows.Add(new LicenseMonthFigures(months[m].Key, authority,
                    inMonth.Where(i => i.IssuerCode == authority && !i.Imported).Sum(i => i.Count),
                    inMonth.Where(i => i.IssuerCode == authority && i.Imported).Sum(i => i.Count),
                    usesInMonth.Where(u => u.IssuerCode == authority && VerificationKinds.Contains(u.Kind)).Sum(u => u.Count),
                    usesInMonth.Where(u => u.IssuerCode == authority && !VerificationKinds.Contains(u.Kind)).Sum(u => u.Count)));
        }
        return rows;
    }
}

/// <summary>Counting rows by the month an instant of theirs falls in, in the database, for any query.</summary>
internal static class MonthGrouping
{
    /// <summary>A marker in a key given to <see cref="GroupByMonth"/>: never called.</summary>
    public static int MonthOf(DateTimeOffset at) => throw new InvalidOperationException("Only inside a key given to GroupByMonth.");

    /// <summary>
    /// Grouped by <paramref name="key"/> with each <c>MonthOf(at)</c> in it replaced by the index of the month the instant
    /// falls in — <c>CASE WHEN at &lt; start1 THEN 0 WHEN at &lt; start2 THEN 1 … ELSE n-1 END</c> in SQL, the months'
    /// first instants (<paramref name="starts"/>, ascending) as the command's parameters.
    /// </summary>
    public static IQueryable<IGrouping<TKey, T>> GroupByMonth<T, TKey>(this IQueryable<T> source, Expression<Func<T, TKey>> key, IReadOnlyList<DateTimeOffset> starts) =>
        source.GroupBy((Expression<Func<T, TKey>>)new MonthIndex(starts).Visit(key));

    private sealed class MonthIndex(IReadOnlyList<DateTimeOffset> starts) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(MonthOf) || node.Method.DeclaringType != typeof(MonthGrouping)) return base.VisitMethodCall(node);
            var at = Visit(node.Arguments[0]);
            Expression index = Expression.Constant(starts.Count - 1);
            for (var i = starts.Count - 1; i >= 1; i--)
            {
                var boundary = new Boundary(starts[i]); // a member of a constant: a parameter of the command, as a captured variable is
                index = Expression.Condition(Expression.LessThan(at, Expression.Field(Expression.Constant(boundary), nameof(Boundary.At))), Expression.Constant(i - 1), index);
            }
            return index;
        }
    }

    private sealed class Boundary(DateTimeOffset at)
    {
        public readonly DateTimeOffset At = at;
    }
}
