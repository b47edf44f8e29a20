using System.Text.RegularExpressions;
using Tongban.Kernel.Errors;
using Tongban.Registries.Contracts;

namespace Tongban.Sharing.Domain;

/// <summary>One data item (信息项) of a resource: the name the exchange API uses, its Chinese label, type and sensitivity.</summary>
internal sealed record DataItem(string Name, string Label, string Type, FieldSensitivity Sensitivity);

/// <summary>What a department registers about a resource: one document, replaced whole on every edit.</summary>
internal sealed partial record ResourceDetails
{
    public const int MaxNameLength = 200;

    public static readonly IReadOnlyList<string> Types = ["string", "integer", "decimal", "date", "datetime", "boolean", "geojson", "file"];

    public string Name { get; init; } = "";
    public string Summary { get; init; } = "";
    public ResourceClass Classification { get; init; }

    /// <summary>The category below the class, from general to specific, separated by “/”: 社会保障/社会保险.</summary>
    public string CategoryPath { get; init; } = "";

    public string ProviderCreditCode { get; init; } = "";
    public List<DataItem> Items { get; init; } = [];
    public SharingType SharingType { get; init; }

    /// <summary>The conditions of a conditional resource, or why a resource is not shared.</summary>
    public string? SharingTerms { get; init; }

    public UpdateCycle UpdateCycle { get; init; }

    /// <summary>The data format as delivered: JSON, XML, CSV, XLSX, a database table, …</summary>
    public string Format { get; init; } = "";

    public AccessMode AccessMode { get; init; }

    /// <summary>The base registry this resource publishes, when it is one of them.</summary>
    public RegistryKind? Registry { get; init; }

    /// <summary>Every broken rule at once; a registry-bound resource is checked against the registry's own fields.</summary>
    public IReadOnlyList<DomainError> Invalid(RegistryDescription? registry)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(Error("resource.name_required", "请填写资源名称", "The resource needs a name", "name"));
        else if (Name.Length > MaxNameLength) errors.Add(Error("resource.name_long", $"资源名称最多{MaxNameLength}个字", $"The name has {MaxNameLength} characters at most", "name"));
        if (string.IsNullOrWhiteSpace(Summary)) errors.Add(Error("resource.summary_required", "请填写资源摘要", "The resource needs a summary", "summary"));
        if (string.IsNullOrWhiteSpace(CategoryPath)) errors.Add(Error("resource.category_required", "请填写资源分类（如 社会保障/社会保险）", "Give the category path (e.g. social security/insurance)", "category_path"));
        if (string.IsNullOrWhiteSpace(Format)) errors.Add(Error("resource.format_required", "请填写数据格式", "Give the data format", "format"));
        if (SharingType == SharingType.Conditional && string.IsNullOrWhiteSpace(SharingTerms))
            errors.Add(Error("resource.conditions_required", "有条件共享的资源须写明共享条件", "A conditional resource states its conditions", "sharing_terms"));
        if (SharingType == SharingType.NotShared && string.IsNullOrWhiteSpace(SharingTerms))
            errors.Add(Error("resource.reason_required", "不予共享的资源须写明理由和依据", "A resource that is not shared states why", "sharing_terms"));
        if (SharingType == SharingType.Unconditional && Items.Any(i => i.Sensitivity == FieldSensitivity.Sensitive))
            errors.Add(Error("resource.sensitive_unconditional", "含敏感信息项的资源不能无条件共享", "A resource with sensitive items cannot be shared unconditionally", "sharing_type"));
        errors.AddRange(InvalidItems(registry));
        return errors;
    }

    private IEnumerable<DomainError> InvalidItems(RegistryDescription? registry)
    {
        if (Items.Count == 0) yield return Error("resource.items_required", "请至少登记一个信息项", "Register at least one data item", "items");
        foreach (var (item, row) in Items.Select((item, i) => (item, i + 1)))
        {
            if (!ItemName().IsMatch(item.Name))
                yield return Error("resource.item_name", $"第{row}个信息项的名称“{item.Name}”应以字母开头，只含字母和数字", $"Item {row}: the name '{item.Name}' starts with a letter and holds letters and digits only", "items");
            if (string.IsNullOrWhiteSpace(item.Label))
                yield return Error("resource.item_label", $"第{row}个信息项缺少中文名称", $"Item {row} needs a Chinese label", "items");
            if (!Types.Contains(item.Type))
                yield return Error("resource.item_type", $"第{row}个信息项的类型应为{string.Join("、", Types)}之一", $"Item {row}: the type is one of {string.Join(", ", Types)}", "items");
            if (registry is null) continue;
            var field = registry.Fields.FirstOrDefault(f => f.Name == item.Name);
            if (field is null)
                yield return Error("resource.item_not_in_registry", $"{registry.Chinese}没有信息项{item.Name}", $"The {registry.English} has no field {item.Name}", "items");
            else if (field.Type != item.Type)
                yield return Error("resource.item_registry_type", $"信息项{item.Name}在{registry.Chinese}中的类型是{field.Type}", $"Item {item.Name} has the type {field.Type} in the {registry.English}", "items");
        }
        foreach (var repeated in Items.GroupBy(i => i.Name).Where(g => g.Count() > 1))
            yield return Error("resource.item_repeated", $"信息项{repeated.Key}重复", $"The item {repeated.Key} is listed twice", "items");
    }

    public ResourceDetails Normalized() => this with
    {
        Name = Name.Trim(), Summary = Summary.Trim(), CategoryPath = CategoryPath.Trim().Trim('/'),
        ProviderCreditCode = ProviderCreditCode.Trim().ToUpperInvariant(),
        SharingTerms = string.IsNullOrWhiteSpace(SharingTerms) || SharingType == SharingType.Unconditional ? null : SharingTerms.Trim(),
        Format = Format.Trim(),
        Items = [.. Items.Select(i => i with { Name = i.Name.Trim(), Label = i.Label.Trim(), Type = i.Type.Trim().ToLowerInvariant() })],
    };

    private static DomainError Error(string code, string zh, string en, string field) => new(code, zh, en, Field: field);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex ItemName();
}
