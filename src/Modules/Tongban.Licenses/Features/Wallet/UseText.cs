using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.VerifyLicense;

namespace Tongban.Licenses.Features.Wallet;

/// <summary>How a use of a license reads to its holder: what kind of use, and what the check found, in both languages.</summary>
internal static class UseText
{
    public static (string Zh, string En) Kind(UseKind kind) => kind switch
    {
        UseKind.Verified => ("部门系统核验", "Verified by a department system"),
        UseKind.Attached => ("作为申请材料使用", "Used as an application material"),
        UseKind.Exported => ("导出", "Exported"),
        UseKind.SharedView => ("通过您的分享链接查看", "Opened through your share link"),
        UseKind.PublicCheck => ("公众验真", "Checked on the public verification page"),
        UseKind.StaffRead => ("工作人员查看", "Read by staff"),
        _ => ("办件审查时核验", "Verified when a case was examined"),
    };

    public static (string Zh, string En) Result(string result) =>
        Enum.TryParse<Verdict>(result, out var verdict) ? new CheckResult(verdict, null).Label : ("—", "—");
}
