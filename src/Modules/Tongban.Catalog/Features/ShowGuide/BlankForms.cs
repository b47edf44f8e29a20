using Tongban.Catalog.Domain;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;

namespace Tongban.Catalog.Features.ShowGuide;

/// <summary>A printable document a guide offers for a material: its blank form (空白表格) or its sample (示范文本).</summary>
internal sealed record GuideDownload(string FileName, byte[] Content);

/// <summary>
/// The blank form and the sample of a material, as downloads. Where the catalog names a web address, the guide links to it;
/// where it names a file, the platform prints one from the guide itself: the form's title, the item and its department,
/// the item's application form fields (or the fields every application asks for, when the item defines none) with room
/// to write, and the signature line; the sample fills each line with how to fill it in and says it is a sample.
/// </summary>
internal sealed class BlankForms(GuideQueries guides)
{
    public const string Blank = "blank-form", Sample = "sample";

    private static readonly (string Label, string Hint)[] CommonFields =
    [
        ("申请人（单位）名称", "与身份证件或营业执照上的名称一致"),
        ("证件号码（身份证号码或统一社会信用代码）", "18位，按证件填写"),
        ("联系人", "办理本事项的联系人姓名"),
        ("联系电话", "11位手机号码"),
        ("联系地址", "省、市、县（区）、乡镇（街道）及门牌号"),
        ("申请事项和理由", "写明申请的内容和理由"),
    ];

    public async Task<GuideDownload> GetAsync(string code, string key, string kind, CancellationToken ct)
    {
        var guide = await guides.GetAsync(code, ct) ?? throw NotFound;
        var e = guide.Elements;
        var index = Enumerable.Range(0, e.Materials.Count).FirstOrDefault(i => e.MaterialKey(i) == key, -1);
        var name = index < 0 ? null : kind switch { Blank => e.Materials[index].BlankForm, Sample => e.Materials[index].Sample, _ => null };
        if (name is null || IsLink(name)) throw NotFound;
        return new GuideDownload(name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? name : name + ".pdf", Print(guide, name, kind == Sample));
    }

    /// <summary>A web address the catalog gave instead of a file name: the guide links to it as it is.</summary>
    public static bool IsLink(string name) => name.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || name.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    private static byte[] Print(Guide guide, string name, bool sample)
    {
        var e = guide.Elements;
        var pdf = new SimplePdf()
            .Line(Path.GetFileNameWithoutExtension(name), size: 18, gapAfter: 4)
            .Line(sample ? "样表（填写示范，不能作为申请材料提交）" : "空白表格", size: 10, gapAfter: 10)
            .Line($"事项：{e.Name}", size: 10, gapAfter: 2)
            .Line($"实施主体：{guide.DepartmentName}　实施编码：{guide.ImplementationCode}", size: 10, gapAfter: 16);
        var fields = e.Form.Fields.Count > 0
            ? e.Form.Fields.Select(f => (Label: f.LabelZh + (f.VisibleWhen is null ? "" : "（视情形填写）"), Hint: f.HintZh ?? HowToFill(f)))
            : CommonFields.AsEnumerable();
        foreach (var (label, hint) in fields)
            pdf.Line($"{label}：{(sample ? hint : "")}", gapAfter: 14, rule: true);
        return pdf.Line("", gapAfter: 10)
            .Line("本人承诺所填写内容和提交的材料真实、有效。", size: 10, gapAfter: 14)
            .Line("申请人（签字或盖章）：" + (sample ? "张三" : "") + "　　　　　　　日期：　　　　年　　月　　日", gapAfter: 24)
            .Line($"本表由政务服务平台根据《{e.Name}》办事指南第{guide.Version}版生成。", size: 8)
            .ToBytes();
    }

    private static string HowToFill(FormField field) => field.Type switch
    {
        FormFieldType.IdNumber => "18位居民身份证号码",
        FormFieldType.CreditCode => "18位统一社会信用代码",
        FormFieldType.Phone => "11位手机号码",
        FormFieldType.Date => "年　月　日",
        FormFieldType.Number => "填写数字",
        FormFieldType.YesNo => "是 / 否",
        FormFieldType.Division => "省、市、县（区）、乡镇（街道）、村（社区）",
        FormFieldType.Choice or FormFieldType.MultiChoice => string.Join(" / ", field.Options?.Select(o => o.LabelZh) ?? []),
        _ => "按实际情况填写",
    };

    private static DomainException NotFound => new(DomainError.NotFound("表格", "The form"));
}
