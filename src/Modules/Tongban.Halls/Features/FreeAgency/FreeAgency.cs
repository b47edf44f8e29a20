using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Contracts;
using Tongban.Catalog.Contracts;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Ratings;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Halls.Features.FreeAgency;

/// <summary>A request as typed: the hall asked, the enterprise (credit code, when one acts for several), the project, the items (implementation codes), the mobile.</summary>
internal sealed record AgencyInput(string? Hall, string? Enterprise, string? Project, string? Description, IReadOnlyList<string>? Items, string? Phone);

internal sealed record AgencyAssignInput(Guid? Agent);

internal sealed record AgencyRatingInput(int? Level, string? Comment);

/// <summary>A request with what the pages and the API show beside it: the hall, and the cases the agent started under it.</summary>
internal sealed record AgencyEntry(AgencyRequest Request, HallInfo Hall, IReadOnlyList<AgentCaseInfo> Cases);

/// <summary>
/// 帮办代办 (issue #19 item 7), the enterprise's side: ask, read one's own requests (anyone else's: not found), close, rate
/// once; and what both sides share — closing, which ends the agent's authorisation, and a request with its hall and the
/// cases the agent started. The centre's side is <see cref="AgencyDesk"/>.
/// </summary>
internal sealed class FreeAgency(HallsDbContext db, IOrganizationDirectory organization, IServiceItems catalog, IAccountDirectory accounts,
    IProxyGrantsOnRequest grants, IAgentCases agentCases, RegionClock clock)
{
    /// <summary>The agent scope an enterprise's person needs to ask for agency in its name (as to apply for it).</summary>
    public const string Scope = "apply";

    /// <summary>How many ticked items the page keeps (the request takes at most <see cref="AgencyRequest.MostItems"/>; more are refused).</summary>
    public const int MostShown = 40;

    public static DomainException NotFound => new(DomainError.NotFound("帮办代办申请", "The agency request"));

    public async Task<AgencyRequest> AskAsync(AgencyInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var requester = AccountOf(user);
        var enterprises = await accounts.EnterprisesInScopeAsync(requester, Scope, ct);
        if (enterprises.Count == 0)
            throw new DomainException(new DomainError("agency.no_enterprise", "只有企业的法定代表人或有“代为申请办事”权限的经办人可以申请帮办代办，请先在“我的企业”中登记企业",
                "Only an enterprise's legal representative, or its agent allowed to apply for items, may ask for free agency; register the enterprise under 'My enterprises' first",
                ErrorKind.Forbidden, "enterprise"));
        var errors = new List<DomainError>();
        var code = (input.Enterprise ?? "").Trim().ToUpperInvariant();
        var enterprise = code.Length == 0 && enterprises.Count == 1 ? enterprises[0] : enterprises.FirstOrDefault(e => e.CreditCode == code);
        if (enterprise is null)
            errors.Add(new("agency.enterprise", "请选择为哪家企业申请", "Choose the enterprise you ask for", ErrorKind.Invalid, "enterprise"));
        var hall = await HallAsync(input.Hall, ct);
        if (hall is null)
            errors.Add(new("agency.hall", "请选择向哪个服务中心申请", "Choose the service centre you ask", ErrorKind.Invalid, "hall"));
        var codes = (input.Items ?? []).Select(c => (c ?? "").Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var (project, description, phone) = AgencyRequest.Check(input.Project, input.Description, input.Phone, codes, errors);
        var found = codes.Count is > 0 and <= AgencyRequest.MostItems ? await FindItemsAsync(codes, ct) : [];
        if (codes.Count is > 0 and <= AgencyRequest.MostItems && found.Count < codes.Count)
            errors.Add(new("agency.item_unknown", "所选事项中有不存在或暂不能办理的事项，请重新选择", "An item chosen does not exist or cannot be applied for now; choose again",
                ErrorKind.Invalid, "items"));
        if (errors.Count > 0) throw new DomainException(errors);

        var request = AgencyRequest.Ask(hall!.Id, requester, enterprise!.CreditCode, enterprise.Name, project, description, phone,
            [.. codes.Select(c => found[c])], clock.UtcNow);
        db.AgencyRequests.Add(request);
        db.Audit(new AuditRecord(Actor.Of(user), "halls.agency_requested", $"agency:{request.Id.Value}",
            $"enterprise:{request.CreditCode} at hall:{hall.Slug}, items {string.Join(' ', request.ItemCodes)}", clock.UtcNow));
        await db.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>The items by code, as the catalog has them now (published, in effect); a malformed code is not looked up.</summary>
    private async Task<Dictionary<string, AgencyItem>> FindItemsAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var wellFormed = codes.Where(c => c.Length <= 64 && c.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-')).ToList();
        if (wellFormed.Count == 0) return [];
        var items = await catalog.FindApplicableAsync(wellFormed, ct);
        return items.GroupBy(i => i.ImplementationCode).ToDictionary(g => g.Key, g => new AgencyItem(g.Key, g.First().Name), StringComparer.Ordinal);
    }

    public async Task<HallInfo?> HallAsync(string? slug, CancellationToken ct)
    {
        var s = (slug ?? "").Trim();
        return s.Length == 0 ? null : (await organization.ListHallsAsync(ct)).FirstOrDefault(h => h.Slug == s);
    }

    public Task<IReadOnlyList<HallInfo>> HallsAsync(CancellationToken ct) => organization.ListHallsAsync(ct);

    /// <summary>The requester's own requests, newest first.</summary>
    public async Task<IReadOnlyList<AgencyEntry>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = AccountOf(user);
        var requests = await db.AgencyRequests.AsNoTracking().Where(r => r.RequesterId == me).OrderByDescending(r => r.RequestedAt).Take(100).ToListAsync(ct);
        return await EntriesAsync(requests, ct);
    }

    public async Task<AgencyEntry> MineAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        (await EntriesAsync([await OwnAsync(id, user, tracking: false, ct)], ct))[0];

    private async Task<AgencyRequest> OwnAsync(Guid id, ClaimsPrincipal user, bool tracking, CancellationToken ct)
    {
        var me = AccountOf(user);
        var query = tracking ? db.AgencyRequests : db.AgencyRequests.AsNoTracking();
        var request = await query.SingleOrDefaultAsync(r => r.Id == AgencyRequestId.From(id), ct);
        return request is not null && request.RequesterId == me ? request : throw NotFound;
    }

    public async Task<AgencyEntry> CloseMineAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var request = await OwnAsync(id, user, tracking: true, ct);
        await CloseAsync(request, Actor.Of(user), ct);
        return (await EntriesAsync([request], ct))[0];
    }

    public async Task<AgencyEntry> RateAsync(Guid id, AgencyRatingInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var request = await OwnAsync(id, user, tracking: true, ct);
        request.Rate(input.Level ?? 0, input.Comment, clock.UtcNow);
        db.Audit(new AuditRecord(Actor.Of(user), "halls.agency_rated", $"agency:{request.Id.Value}",
            $"level {(int)request.Rating!.Value}{(request.IsBadlyRated ? ", bad" : "")}", clock.UtcNow));
        // Into the 好差评 as a rating given at the hall, in the same transaction: the applications module keeps it, and a
        // bad one opens the answerable department's rectification, the requester being the one to call back.
        if (request.AnswerableDepartment is { } department && (await organization.ListHallsAsync(ct)).FirstOrDefault(h => h.Id == request.HallId) is { } hall)
            db.Publish(WindowRated.MessageType, new WindowRated(request.Id.Value, $"{hall.Name} 帮办代办：{request.ProjectName}",
                $"{hall.NameEn ?? hall.Name}, free agency: {request.ProjectName}", hall.DivisionCode, department, (int)request.Rating.Value, [],
                request.RatingComment, request.RatedAt!.Value, request.RequesterId), clock.UtcNow);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(new DomainError("agency.already_rated", "您已评价过这次帮办代办，每次申请只能评价一次", "You have rated this agency already; a request is rated once", ErrorKind.Conflict));
        }
        return (await EntriesAsync([request], ct))[0];
    }

    public async Task CloseAsync(AgencyRequest request, string actor, CancellationToken ct)
    {
        request.Close(actor, clock.UtcNow);
        db.Audit(new AuditRecord(actor, "halls.agency_closed", $"agency:{request.Id.Value}", request.AuthorisationId is { } a ? $"authorisation {a} ended" : "no agent", clock.UtcNow));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Changed();
        }
        if (request.AuthorisationId is { } authorisation)
            await grants.EndAsync(authorisation, request.Basis, actor, ct);
    }

    public async Task<IReadOnlyList<AgencyEntry>> EntriesAsync(List<AgencyRequest> requests, CancellationToken ct)
    {
        var halls = (await organization.ListHallsAsync(ct)).ToDictionary(h => h.Id);
        // The cases of every assigned request in one read, not one per request (the staff's queue lists hundreds).
        var assigned = requests.Where(r => r is { AgentId: not null, AssignedAt: not null }).ToList();
        var cases = await agentCases.StartedAsync([.. assigned.Select(r => new AgentCaseQuery(r.AgentId!.Value, r.RequesterId, r.AssignedAt!.Value, r.ItemCodes))], ct);
        var started = assigned.Zip(cases).ToDictionary(p => p.First.Id, p => p.Second);
        return [.. requests.Select(r => new AgencyEntry(r, halls[r.HallId], started.GetValueOrDefault(r.Id) ?? []))];
    }

    public static DomainException Changed() => new(new DomainError("agency.changed", "该申请刚被他人处理，请刷新后重试",
        "Someone else has just acted on this request; reload and try again", ErrorKind.Conflict));

    private static Guid AccountOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id
            : throw new DomainException(new DomainError("agency.no_account", "请使用个人账号登录后申请", "Sign in with your own account to ask", ErrorKind.Forbidden));
}
