namespace Tongban.Licenses.Domain;

/// <summary>
/// What the library did with a concluded case for one license type (lic_case_issues, one row per case and type, so a
/// redelivered event changes nothing): the license issued, or why none was (for an administrator to issue by hand).
/// </summary>
internal sealed class CaseIssue
{
    private CaseIssue() { }

    public Guid CaseId { get; private set; }
    public string TypeCode { get; private set; } = "";
    public string CaseNumber { get; private set; } = "";
    public string ItemCode { get; private set; } = "";
    public string IssuerCode { get; private set; } = "";
    public string? Identifier { get; private set; }
    public string? ReasonZh { get; private set; }
    public string? ReasonEn { get; private set; }
    public DateTimeOffset At { get; private set; }

    public static CaseIssue Issued(Guid caseId, string typeCode, string number, string item, string issuer, string identifier, DateTimeOffset at) =>
        new() { CaseId = caseId, TypeCode = typeCode, CaseNumber = number, ItemCode = item, IssuerCode = issuer, Identifier = identifier, At = at };

    public static CaseIssue NotIssued(Guid caseId, string typeCode, string number, string item, string issuer, string zh, string en, DateTimeOffset at) =>
        new() { CaseId = caseId, TypeCode = typeCode, CaseNumber = number, ItemCode = item, IssuerCode = issuer, ReasonZh = zh, ReasonEn = en, At = at };
}
