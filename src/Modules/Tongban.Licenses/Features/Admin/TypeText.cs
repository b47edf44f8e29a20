using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.Admin;

/// <summary>The words the license type pages use for the type's states, holders and validity rules (never the enum names).</summary>
internal static class TypeText
{
    public static (string Zh, string En) State(LicenseType type) => (type.Published, type.Open) switch
    {
        (null, { State: VersionState.Submitted }) => ("待审核（未发布）", "Under review (not yet published)"),
        (null, _) => ("草稿（未发布）", "Draft (not yet published)"),
        (_, { State: VersionState.Submitted }) => ("已发布，新版本待审核", "Published; a new version is under review"),
        (_, { }) => ("已发布，有新版本草稿", "Published; a new version is being drafted"),
        _ => ("已发布", "Published"),
    };

    public static (string Zh, string En) Version(VersionState state) => state switch
    {
        VersionState.Draft => ("草稿", "Draft"),
        VersionState.Submitted => ("待审核", "Under review"),
        VersionState.Returned => ("已退回", "Returned"),
        _ => ("已发布", "Published"),
    };

    public static (string Zh, string En) Holder(HolderKind holder) => holder switch
    {
        HolderKind.Person => ("自然人", "A person"),
        HolderKind.LegalPerson => ("法人和其他组织", "A legal person or organisation"),
        _ => ("自然人或法人", "A person or a legal person"),
    };

    public static (string Zh, string En) Validity(ValidityRule rule) => rule.Kind switch
    {
        ValidityKind.FixedYears => ($"自颁发之日起{rule.Years}年", $"{rule.Years} years from the issue date"),
        ValidityKind.PerRecord => ("逐证填写有效期（可为长期）", "Each license's end date given when issued (or none)"),
        _ => ("长期有效", "No end date"),
    };

    public static (string Zh, string En) FieldKind(Kernel.Forms.FormFieldType type) => type switch
    {
        Kernel.Forms.FormFieldType.LongText => ("长文本", "Long text"),
        Kernel.Forms.FormFieldType.Number => ("数字", "Number"),
        Kernel.Forms.FormFieldType.Date => ("日期", "Date"),
        Kernel.Forms.FormFieldType.Choice => ("单选", "One choice"),
        Kernel.Forms.FormFieldType.MultiChoice => ("多选", "Several choices"),
        Kernel.Forms.FormFieldType.YesNo => ("是/否", "Yes or no"),
        Kernel.Forms.FormFieldType.IdNumber => ("身份证号码", "ID number"),
        Kernel.Forms.FormFieldType.CreditCode => ("统一社会信用代码", "Credit code"),
        Kernel.Forms.FormFieldType.Phone => ("电话号码", "Phone number"),
        Kernel.Forms.FormFieldType.Division => ("行政区划", "Administrative division"),
        _ => ("文本", "Text"),
    };

    /// <summary>Where a value of a license issued from a case may come from, in words (<see cref="IssueMapping"/>); "form" and "text" take a value.</summary>
    public static readonly IReadOnlyList<(string Kind, string Zh, string En)> Sources =
    [
        ("applicant:name", "申请人姓名", "The applicant's name"), ("applicant:id_number", "申请人身份证号码", "The applicant's ID number"),
        ("case:number", "办件编号", "The case number"), ("case:concluded_on", "办结日期", "The conclusion date"), ("item:name", "事项名称", "The item's name"),
        ("decision:opinion", "审批意见", "The decision's opinion"), ("form", "申请表中的一项（在右侧填写该项的代码）", "A field of the application form (give its key beside)"),
        ("text", "固定文字（在右侧填写）", "Fixed words (give them beside)"),
    ];
}
