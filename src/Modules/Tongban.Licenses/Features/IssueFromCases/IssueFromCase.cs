using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.IssueLicenses;
using Tongban.Licenses.Features.ManageTypes;

namespace Tongban.Licenses.Features.IssueFromCases;

/// <summary>
/// Issues the licenses an approved, concluded case produces (<see cref="CaseConcluded"/> through the applications
/// outbox): every published type naming the case's item, in the name of the case's department when it is one of the
/// type's issuing authorities. Values come as the type's mapping says (form, applicant, case, decision), a field
/// without a mapping from the form field of the same key. What could not be issued is recorded with the reason for an
/// administrator to issue by hand. Idempotent by case and type (lic_case_issues, and the license's source key).
/// </summary>
internal sealed class IssueFromCase(LicensesDbContext db, TypeDirectory types, IssueLicense issue, IConcludedCases cases, IAccountDirectory accounts, TimeProvider clock)
    : IOutboxHandler
{
    public string MessageType => CaseConcluded.MessageType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var concluded = message.Read<CaseConcluded>();
        if (!concluded.Approved) return;
        var produced = await types.ProducedByAsync(concluded.ItemCode, cancellationToken);
        if (produced.Count == 0) return;
        var done = await db.CaseIssues.AsNoTracking().Where(c => c.CaseId == concluded.CaseId).Select(c => c.TypeCode).ToListAsync(cancellationToken);
        var info = await cases.FindAsync(concluded.CaseId, cancellationToken)
            ?? throw new InvalidOperationException($"Case {concluded.CaseNumber} is not concluded; the outbox will retry.");
        foreach (var type in produced.Where(t => !done.Contains(t.Code)))
        {
            db.CaseIssues.Add(await IssueAsync(type, info, cancellationToken));
            await db.SaveChangesAsync(cancellationToken); // one type at a time: a refusal of the next clears only its own changes
        }
    }

    private async Task<CaseIssue> IssueAsync(PublishedType type, ConcludedCaseInfo info, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        CaseIssue NotIssued(string zh, string en) => CaseIssue.NotIssued(info.CaseId, type.Code, info.Number, info.ItemCode, info.DepartmentCreditCode, Cut(zh), Cut(en), at);
        if (!type.Definition.IssuingAuthorities.Contains(info.DepartmentCreditCode, StringComparer.Ordinal))
            return NotIssued("办件的办理部门不是该证照的颁发机构，请由颁发机构人工颁发", "The case's department is not an issuing authority of this license; issue it by hand");
        var mapping = type.Definition.Mapping;
        if (type.Definition.Holder == HolderKind.LegalPerson && mapping.HolderCode is null)
            return NotIssued("该证照的持证单位无法从办件取得，请人工颁发", "The holder (a legal person) cannot be taken from the case; issue it by hand");
        var values = new CaseValues(info, await accounts.OwnIdNumberAsync(info.ApplicantAccountId, ct));
        var fields = type.Definition.Fields.Fields.ToDictionary(f => f.Key,
            f => mapping.Fields?.GetValueOrDefault(f.Key) is { } source ? values.Of(source) : info.Form.GetValueOrDefault(f.Key), StringComparer.Ordinal);
        var input = new LicenseInput(mapping.HolderCode is { } code ? values.Of(code) : values.IdNumber,
            mapping.HolderName is { } name ? values.Of(name) : info.ApplicantName, null, info.ConcludedOn, null, fields);
        try
        {
            var license = await issue.IssueAsync(type.Code, info.DepartmentCreditCode, input, LicenseOfficer.System(info.DepartmentCreditCode),
                LicenseSource.Case, $"case:{info.CaseId}:{type.Code}", ct);
            return CaseIssue.Issued(info.CaseId, type.Code, info.Number, info.ItemCode, info.DepartmentCreditCode, license.Identifier, at);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return NotIssued("未能自动颁发：" + string.Join("；", e.Errors.Select(x => x.Chinese)), "Not issued automatically: " + string.Join("; ", e.Errors.Select(x => x.English)));
        }
    }

    private static string Cut(string text) => text.Length <= 500 ? text : text[..500];

    /// <summary>The values a mapping's sources name.</summary>
    private sealed record CaseValues(ConcludedCaseInfo Case, string? IdNumber)
    {
        public string? Of(string source) => source switch
        {
            "applicant:name" => Case.ApplicantName,
            "applicant:id_number" => IdNumber,
            "case:number" => Case.Number,
            "case:concluded_on" => Case.ConcludedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "item:name" => Case.ItemName,
            "decision:opinion" => Case.DecisionOpinion,
            _ when source.StartsWith("form:", StringComparison.Ordinal) => Case.Form.GetValueOrDefault(source[5..]),
            _ when source.StartsWith("text:", StringComparison.Ordinal) => source[5..],
            _ => null,
        };
    }
}
