namespace Tongban.Licenses.Contracts;

/// <summary>
/// One issuing authority's license figures in one month of the region (<see cref="Month"/> "yyyy-MM"): licenses issued
/// (by hand, from cases, renewals), historical licenses imported into the library, verifications (department API,
/// public page, share link, case check) and other uses (attached as a material, exported, read by staff) of its licenses.
/// The same kinds as the library's own statistics (README "Statistics"), counted by the day they happened.
/// </summary>
public sealed record LicenseMonthFigures(string Month, string DepartmentCreditCode, long Issued, long Imported, long Verifications, long Uses);

/// <summary>The license library's figures for the statistics module (read-only; counts, never a license or a holder).</summary>
public interface ILicenseFigures
{
    /// <summary>
    /// Per issuing authority (credit code) and month, the figures of the region's days <paramref name="from"/> to
    /// <paramref name="to"/> inclusive; one authority's only when <paramref name="department"/> is given. Rows with
    /// nothing are left out.
    /// </summary>
    Task<IReadOnlyList<LicenseMonthFigures>> MonthlyAsync(DateOnly from, DateOnly to, string? department, CancellationToken cancellationToken);
}
