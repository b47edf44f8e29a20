using Tongban.Kernel.Forms;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Tests;

/// <summary>Demo-region codes and definitions the tests build on.</summary>
internal static class Samples
{
    public const string Samr = "11211200025881318U"; // 铁岭市市场监督管理局, issues 食品经营许可证
    public const string Psb = "11211200061012195B"; // 铁岭市公安局, issues 居住证
    public const string Civil = "11211200096593487Q"; // 铁岭市民政局
    public const string FoodLicence = "11100000MB0143028R003"; // 食品经营许可证 in the demo pack
    public const string BusinessLicence = "11100000MB0143028R001"; // 营业执照

    public static TypeDefinition Definition(HolderKind holder = HolderKind.Person, ValidityRule? validity = null) => new(
        "测试证", "Test certificate", "测试部", [Civil], holder, validity ?? new ValidityRule(ValidityKind.FixedYears, 5),
        new FormDefinition([new FormField("grade", "等级", "Grade", FormFieldType.Text, Required: true)]));

    public static License License(string issuer = Civil, DateOnly? until = null)
    {
        var id = new LicenseIdentifier("11100000000013338W032", issuer, "2026000001", 1);
        var face = new LicenseFace(id.ToString(), id.TypeCode, "测试证", "2026000001", issuer, "铁岭市民政局",
            new Holder(HolderKind.Person, "211221196805129013", "张建国"), new DateOnly(2026, 1, 5), until ?? new DateOnly(2031, 1, 4),
            new Dictionary<string, string> { ["grade"] = "一级" });
        return Domain.License.Issue(face, 1, new Seal("{}", [1], "k"), LicenseSource.Hand, null, 7, new LicenseOfficer("user:a", issuer), DateTimeOffset.UtcNow);
    }
}
