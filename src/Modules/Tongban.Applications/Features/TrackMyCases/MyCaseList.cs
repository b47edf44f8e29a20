using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ViewCase;

namespace Tongban.Applications.Features.TrackMyCases;

/// <summary>A page of my cases, newest first, and the cursor of the next page (null on the last).</summary>
internal sealed record MyCasesPage(IReadOnlyList<Case> Cases, string? Next);

/// <summary>
/// The applicant's own cases, newest first, in keyset pages of <see cref="PageSize"/> as the workbench pages: each page
/// one range of the (applicant, submitted, number) index after the cursor, so the hundredth page costs what the first does.
/// </summary>
internal sealed class MyCaseList(ApplicationsDbContext db)
{
    public const int PageSize = 50;

    public async Task<MyCasesPage> PageAsync(string? after, ClaimsPrincipal user, CancellationToken ct)
    {
        var applicant = Applicants.IdOf(user);
        var query = db.Cases.AsNoTracking().Where(c => c.ApplicantId == applicant);
        if (Cursor.Parse(after) is var (at, number) && number.Length > 0)
            query = query.Where(c => c.SubmittedAt <= at && (c.SubmittedAt < at || string.Compare(c.Number, number) < 0));
        var page = await query.OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Number).Take(PageSize + 1).ToListAsync(ct);
        return new MyCasesPage([.. page.Take(PageSize)], page.Count > PageSize ? Cursor.Of(page[PageSize - 1]) : null);
    }

    /// <summary>The cursor <c>{UTC ticks of submission}.{case number}</c>: nothing personal, safe in a URL; anything unreadable starts at the top.</summary>
    private static class Cursor
    {
        public static string Of(Case c) => $"{c.SubmittedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{c.Number}";

        public static (DateTimeOffset At, string Number) Parse(string? cursor)
        {
            var dot = cursor?.IndexOf('.', StringComparison.Ordinal) ?? -1;
            return dot > 0 && long.TryParse(cursor![..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks && cursor.Length > dot + 1
                ? (new DateTimeOffset(ticks, TimeSpan.Zero), cursor[(dot + 1)..]) : (default, "");
        }
    }
}
