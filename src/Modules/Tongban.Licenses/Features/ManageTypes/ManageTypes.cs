using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.ManageTypes;

/// <summary>
/// The license catalog's use cases: draft (new or changed), submit, publish, return. Drafting checks what only other
/// modules know: every issuing authority is a registered department, every producing item a published catalog item,
/// a template's background a stored image (<see cref="TemplateBackgrounds"/>).
/// </summary>
internal sealed class ManageTypes(LicensesDbContext db, IOrganizationDirectory organization, IServiceItems items, TemplateBackgrounds backgrounds, TimeProvider clock)
{
    public async Task<LicenseType> DraftAsync(TypeForm form, string actor, CancellationToken ct)
    {
        var (code, error) = LicenseTypeCode.Check(form.Code);
        if (error is not null) throw new DomainException(error);
        var definition = form.ToDefinition();
        if (TypeDefinitionRules.Check(definition) is { Count: > 0 } errors) throw new DomainException(errors);
        await CheckReferencesAsync(definition, ct);
        var type = await db.Types.SingleOrDefaultAsync(t => t.Code == code, ct);
        if (type is null) db.Types.Add(type = LicenseType.Create(code!));
        var version = type.Edit(definition, actor, clock.GetUtcNow());
        db.Audit(new AuditRecord(actor, "licenses.type_drafted", $"license-type:{code}", $"version {version.Number}: {definition.Name}", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return type;
    }

    /// <summary>A new type's first draft; a code already in the catalog is refused (its page drafts a new version instead).</summary>
    public async Task<LicenseType> CreateAsync(TypeForm form, string actor, CancellationToken ct)
    {
        var (code, error) = LicenseTypeCode.Check(form.Code); // before any query: a malformed code never reaches the database
        if (error is not null) throw new DomainException(error);
        if (await db.Types.AnyAsync(t => t.Code == code, ct))
            throw new DomainException(new DomainError("license_type.exists", $"证照类型代码“{code}”已在目录中，请在该类型的页面起草新版本",
                $"The type code '{code}' is already in the catalog; draft a new version on its page", ErrorKind.Conflict, "code"));
        return await DraftAsync(form, actor, ct);
    }

    public Task<LicenseType> SubmitAsync(string code, string actor, CancellationToken ct) =>
        ActAsync(code, "submitted", actor, null, (t, at) => t.Submit(actor, at), ct);

    public Task<LicenseType> PublishAsync(string code, string actor, string? opinion, CancellationToken ct) =>
        ActAsync(code, "published", actor, opinion, (t, at) => t.Publish(actor, opinion, at), ct);

    public Task<LicenseType> ReturnAsync(string code, string actor, string? opinion, CancellationToken ct) =>
        ActAsync(code, "returned", actor, opinion, (t, at) => t.Return(actor, opinion ?? "", at), ct);

    public async Task<LicenseType> FindAsync(string code, CancellationToken ct) =>
        await db.Types.AsNoTracking().SingleOrDefaultAsync(t => t.Code == Normal(code), ct)
        ?? throw new DomainException(DomainError.NotFound($"证照类型{code}", $"License type {code}"));

    public async Task<IReadOnlyList<LicenseType>> ListAsync(CancellationToken ct) =>
        [.. (await db.Types.AsNoTracking().ToListAsync(ct)).OrderBy(t => t.Code, StringComparer.Ordinal)];

    /// <summary>Every issuing authority a registered department, every producing item published: all faults at once.</summary>
    public async Task CheckReferencesAsync(TypeDefinition definition, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        foreach (var authority in definition.IssuingAuthorities)
            if (await organization.FindDepartmentByCreditCodeAsync(authority, ct) is null)
                errors.Add(new("license_type.issuer_unknown", $"颁发机构“{authority}”未在本平台登记", $"The issuing authority '{authority}' is not registered", Field: "issuers"));
        foreach (var item in definition.Items)
            if (await items.FindApplicableAsync(item, ct) is null)
                errors.Add(new("license_type.item_unknown", $"事项“{item}”不存在或未发布", $"The item '{item}' does not exist or is not published", Field: "produced_by"));
        if (errors.Count > 0) throw new DomainException(errors);
        await backgrounds.RequireImageAsync(definition.Template?.Background, ct);
    }

    private static string Normal(string? code) => (code ?? "").Trim().ToUpperInvariant();

    private async Task<LicenseType> ActAsync(string code, string what, string actor, string? opinion, Func<LicenseType, DateTimeOffset, LicenseTypeVersion> act, CancellationToken ct)
    {
        var type = await db.Types.SingleOrDefaultAsync(t => t.Code == Normal(code), ct)
            ?? throw new DomainException(DomainError.NotFound($"证照类型{code}", $"License type {code}"));
        var at = clock.GetUtcNow();
        var version = act(type, at);
        db.Audit(new AuditRecord(actor, $"licenses.type_{what}", $"license-type:{type.Code}", $"version {version.Number}{(opinion is null ? "" : $": {opinion}")}", at));
        await db.SaveChangesAsync(ct);
        return type;
    }
}
