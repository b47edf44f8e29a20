using Tongban.Catalog.Domain;
using Tongban.Kernel.Forms;
using Tongban.Kernel.Localization;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Features;

/// <summary>How catalog values read in the current language.</summary>
internal static class Labels
{
    public static string Of(ItemType type) => Text.T(type.ToString(), type switch
    {
        ItemType.行政许可 => "Administrative licence",
        ItemType.行政处罚 => "Administrative penalty",
        ItemType.行政强制 => "Administrative enforcement",
        ItemType.行政征收 => "Administrative levy",
        ItemType.行政给付 => "Administrative benefit",
        ItemType.行政检查 => "Administrative inspection",
        ItemType.行政确认 => "Administrative confirmation",
        ItemType.行政奖励 => "Administrative award",
        ItemType.行政裁决 => "Administrative ruling",
        ItemType.其他行政权力 => "Other administrative power",
        _ => "Public service",
    });

    public static string Of(ExerciseLevel level) => Text.T(level.ToString() + "级", level switch
    {
        ExerciseLevel.中央 => "Central",
        ExerciseLevel.省 => "Province",
        ExerciseLevel.市 => "City",
        ExerciseLevel.县 => "County",
        ExerciseLevel.乡镇 => "Township",
        _ => "Village",
    });

    public static string Of(Subjects subjects) => subjects switch
    {
        Subjects.Person => Text.T("个人", "Individuals"),
        Subjects.LegalPerson => Text.T("法人", "Organisations"),
        _ => Text.T("个人、法人", "Individuals and organisations"),
    };

    public static string Depth(int depth) => depth switch
    {
        4 => Text.T("全程网办", "Fully online"),
        3 => Text.T("网上受理", "Apply online"),
        2 => Text.T("下载表格", "Forms online"),
        _ => Text.T("信息查询", "Information only"),
    };

    public static string Trips(int trips) => trips switch
    {
        0 => Text.T("零跑动", "No visit"),
        1 => Text.T("最多跑一次", "At most one visit"),
        _ => Text.T($"跑动{trips}次", $"{trips} visits"),
    };

    public static string Limit(int? days) => days switch
    {
        null => Text.T("无法定时限", "No statutory limit"),
        0 => Text.T("即办", "On the spot"),
        _ => Text.T($"{days}个工作日", $"{days} working days"),
    };

    public static string Of(FormFieldType type) => type switch
    {
        FormFieldType.Text => Text.T("单行文字", "Text"),
        FormFieldType.LongText => Text.T("多行文字", "Long text"),
        FormFieldType.Number => Text.T("数字", "Number"),
        FormFieldType.Date => Text.T("日期", "Date"),
        FormFieldType.Choice => Text.T("单选", "One choice"),
        FormFieldType.MultiChoice => Text.T("多选", "Several choices"),
        FormFieldType.YesNo => Text.T("是/否", "Yes or no"),
        FormFieldType.IdNumber => Text.T("身份证号码", "ID number"),
        FormFieldType.CreditCode => Text.T("统一社会信用代码", "Credit code"),
        FormFieldType.Phone => Text.T("手机号码", "Mobile phone"),
        _ => Text.T("行政区划代码", "Division code"),
    };

    /// <summary>A role's name in the current language, or the role itself when it is not one of <see cref="Policies.All"/>.</summary>
    public static string Role(string role) =>
        Policies.All.FirstOrDefault(r => r.Role == role) is { Role: not null } known ? Text.T(known.Chinese, known.English) : role;

    public static Subjects? SubjectFrom(string? value) => value switch
    {
        "person" => Subjects.Person,
        "legal-person" => Subjects.LegalPerson,
        _ => null,
    };
}
