using Tongban.Kernel.Errors;

namespace Tongban.Identity.Features.Enterprises;

/// <summary>Why the legal-entity registry's answer stops a person registering an enterprise (<see cref="EnterpriseClaims"/>).</summary>
internal static class EnterpriseErrors
{
    public static readonly DomainError LevelRequired = new("enterprise.level_required",
        "法人库确认您是该单位的法定代表人，但您的账号尚未完成二级实名认证。请先在“我的账号”中在线认证，再注册单位。",
        "The legal-entity registry names you as the legal representative, but your account is not yet at real-name level 2. Verify online under My account first, then register the enterprise.",
        ErrorKind.Forbidden, "credit_code");

    public static readonly DomainError NotTheRepresentative = new("enterprise.other_representative",
        "法人库登记的法定代表人不是您，不能注册该单位。如登记信息已过时，请先到市场监管部门办理变更，或携带证明材料到政务服务大厅窗口办理。",
        "The legal-entity registry records another person as this enterprise's legal representative. If that is out of date, have it changed at market regulation first, or bring your papers to a service hall window.",
        ErrorKind.Forbidden, "credit_code");

    public static readonly DomainError NameDiffers = new("enterprise.name_differs",
        "法人库中该统一社会信用代码登记的单位名称与您填写的不同，请按营业执照填写完整名称",
        "The legal-entity registry holds this credit code under another name; give the full name on the business licence",
        Field: "name");

    public static readonly DomainError Inactive = new("enterprise.inactive",
        "法人库显示该单位已注销、吊销或迁出，无法注册", "The legal-entity registry shows this entity as cancelled, revoked or moved out", Field: "credit_code");
}
