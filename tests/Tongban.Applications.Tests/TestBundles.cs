using Tongban.Catalog.Contracts;
using Tongban.Kernel.Forms;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>
/// The test catalog's bundles (一件事). <see cref="Shop"/>: two items of two departments sharing the field "purpose"
/// (the second allows only 10 characters) and the material "id-card"; "lease" is the first item's only.
/// <see cref="WithLevel3"/>: the shop's first item with an item needing real-name level 3.
/// </summary>
internal static class TestBundles
{
    public const string Shop = "TEST-BUNDLE";
    public const string WithLevel3 = "TEST-BUNDLE-L3";
    public const string Licence = "TEST-B-LICENCE";
    public const string Permit = "TEST-B-PERMIT";
    public const string OtherDepartment = "11211200061012195B";

    private static readonly ApplicableItem LicenceItem = new(Licence, "测试营业登记", 1, TestCatalog.Department, TestCatalog.Division, 3, 20, 0, 1, true, false,
        [new("id-card", "经营者身份证", true, null, false, null, null), new("lease", "场所租赁合同", true, null, false, null, null)], [],
        new([new FormField("purpose", "申请事由", "Purpose", FormFieldType.Text, Required: true, MaxLength: 50),
             new FormField("mobile", "联系电话", "Mobile", FormFieldType.Phone, Required: true)]));

    private static readonly ApplicableItem PermitItem = new(Permit, "测试经营许可", 1, OtherDepartment, "211200000000", 10, 20, 1, 1, true, false,
        [new("id-card", "身份证", true, null, false, null, null)],
        [new("review", "审查", "Review", Policies.Reviewer), new("decide", "决定", "Decision", Policies.Approver)],
        new([new FormField("purpose", "申请事由", "Purpose", FormFieldType.Text, Required: true, MaxLength: 10),
             new FormField("area", "面积", "Area", FormFieldType.Number, Required: true)]));

    public static readonly Dictionary<string, string> ValidForm = new() { ["purpose"] = "开一家店", ["mobile"] = "13912345678", ["area"] = "30" };

    public static ApplicableItem? Item(string code) => code switch { Licence => LicenceItem, Permit => PermitItem, _ => null };

    public static ApplicableBundle? Find(string code, ApplicableItem level3) => code switch
    {
        Shop => new(Shop, "开一家小店", [LicenceItem, PermitItem], [new("000000000000", "测试停办事项", "已暂停", "Suspended")]),
        WithLevel3 => new(WithLevel3, "测试高等级一件事", [LicenceItem, level3], []),
        _ => null,
    };
}
