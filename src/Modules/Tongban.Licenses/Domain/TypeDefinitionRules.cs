using System.Text.RegularExpressions;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;
using Tongban.Kernel.Identifiers;

namespace Tongban.Licenses.Domain;

/// <summary>What makes a license type's definition sound; every fault is named at once, on the input at fault.</summary>
internal static partial class TypeDefinitionRules
{
    public static IReadOnlyList<DomainError> Check(TypeDefinition d)
    {
        var errors = new List<DomainError>();
        void Fault(string code, string field, string zh, string en) => errors.Add(new DomainError($"license_type.{code}", zh, en, Field: field));
        if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Trim().Length > 100) Fault("name", "name", "请填写证照名称（不超过100字）", "Give the license's name (100 characters at most)");
        if (string.IsNullOrWhiteSpace(d.NameEn) || d.NameEn.Trim().Length > 200) Fault("name_en", "name_en", "请填写英文名称（不超过200字）", "Give the English name (200 characters at most)");
        if (string.IsNullOrWhiteSpace(d.DefiningDepartment) || d.DefiningDepartment.Trim().Length > 100)
            Fault("defining_department", "defining_department", "请填写证照定义部门（不超过100字）", "Give the defining department (100 characters at most)");
        if (d.IssuingAuthorities.Count == 0) Fault("issuers", "issuers", "请至少填写一个颁发机构", "Name at least one issuing authority");
        foreach (var code in d.IssuingAuthorities.Where(c => !CreditCode.TryParse(c, out _, out _)))
            Fault("issuer_code", "issuers", $"颁发机构代码“{code}”不是有效的统一社会信用代码", $"The issuer code '{code}' is not a valid credit code");
        if (!Enum.IsDefined(d.Holder)) Fault("holder", "holder", "请选择持证主体类型", "Choose who holds the license");
        if (!Enum.IsDefined(d.Validity.Kind) || (d.Validity.Kind == ValidityKind.FixedYears) != d.Validity.Years is >= 1 and <= 100)
            Fault("validity", "validity", "有效期规则：固定年限须为1至100年，长期和逐证填写不填年限", "Validity: fixed terms are 1 to 100 years; open-ended and per-license take no years");
        errors.AddRange(d.Fields.Check().Select(e => e with { Field = "fields" }));
        var standard = d.Fields.Fields.Where(f => StandardFields.IsStandard(f.Key)).Select(f => f.Key).ToList();
        foreach (var key in standard) Fault("field_reserved", "fields", $"字段代码“{key}”为标准项保留", $"The field key '{key}' is reserved for a standard value");
        var keys = d.Fields.Fields.Select(f => f.Key).Concat(StandardFields.Leading).Concat(StandardFields.Trailing).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(d.Layout.Check(keys));
        foreach (var item in d.Items.Where(i => !ItemCode().IsMatch(i)))
            Fault("produced_by", "produced_by", $"事项实施编码“{item}”格式不正确", $"The item code '{item}' is malformed");
        foreach (var name in d.Materials.Where(m => string.IsNullOrWhiteSpace(m) || m.Length > 100))
            Fault("replaces", "replaces", "可替代的材料名称不能为空，且不超过100字", "A replaced material's name is not empty and 100 characters at most");
        CheckMapping(d, Fault);
        return errors;
    }

    private static void CheckMapping(TypeDefinition d, Action<string, string, string, string> fault)
    {
        var mapping = d.Mapping;
        var fieldKeys = d.Fields.Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, source) in mapping.Fields ?? new Dictionary<string, string>())
        {
            if (!fieldKeys.Contains(key)) fault("mapping_key", "issue", $"取值规则中的“{key}”不是本证照的字段", $"The mapping names '{key}', which is not a field of this license");
            if (!IsSource(source)) fault("mapping_source", "issue", $"“{key}”的来源“{source}”无法识别", $"The source '{source}' of '{key}' is unknown");
        }
        foreach (var source in new[] { mapping.HolderCode, mapping.HolderName }.OfType<string>().Where(s => !IsSource(s)))
            fault("mapping_source", "issue", $"持证主体的来源“{source}”无法识别", $"The holder's source '{source}' is unknown");
    }

    /// <summary>Whether <paramref name="source"/> is one <see cref="IssueMapping"/> knows.</summary>
    public static bool IsSource(string source) =>
        IssueMapping.FixedSources.Contains(source)
        || (source.StartsWith("form:", StringComparison.Ordinal) && FormDefinition.IsWellFormedKey(source[5..]))
        || (source.StartsWith("text:", StringComparison.Ordinal) && source.Length is > 5 and <= 205);

    [GeneratedRegex("^[0-9A-Za-z]{1,36}$")]
    private static partial Regex ItemCode();
}
