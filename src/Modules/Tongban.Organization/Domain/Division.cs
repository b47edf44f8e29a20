using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;

namespace Tongban.Organization.Domain;

/// <summary>An administrative division on one of the levels, valid for a period (codes change over time).</summary>
internal sealed class Division
{
    private Division() { }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DivisionLevel Level { get; private set; }
    public string? ParentCode { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    /// <summary>
    /// A new division; <paramref name="level"/>, when given, must agree with the shape of the code, and the
    /// parent must already exist (<paramref name="parentExists"/>), except for a province.
    /// </summary>
    public static Division Create(string code, string name, DivisionLevel? level, DateOnly validFrom, DateOnly? validTo, Func<string, bool> parentExists)
    {
        var errors = new List<DomainError>();
        DivisionCode? parsed = null;
        if (!DivisionCode.TryParse(code, out parsed, out var codeError)) errors.Add(codeError!.At("code"));
        if (string.IsNullOrWhiteSpace(name))
            errors.Add(new DomainError("division.name_required", "请填写区划名称", "The division needs a name", Field: "name"));
        if (parsed is { } p && level is { } l && l != p.Level)
            errors.Add(new DomainError("division.level_mismatch", $"代码{p.Value}是{LevelName(p.Level).Zh}级代码，与所填级别“{LevelName(l).Zh}”不符",
                $"Code {p.Value} has the shape of a {LevelName(p.Level).En} code, not {LevelName(l).En}", Field: "level"));
        if (parsed is { Parent: { } parent } && !parentExists(parent.Value))
            errors.Add(new DomainError("division.parent_missing", $"上级区划{parent.Value}不存在，请先添加上级", $"The parent division {parent.Value} does not exist; add it first", Field: "code"));
        if (validTo is { } to && to < validFrom)
            errors.Add(new DomainError("division.validity", "失效日期早于生效日期", "The end of validity is before its start", Field: "valid_to"));
        if (errors.Count > 0) throw new DomainException(errors);
        return new Division
        {
            Code = parsed!.Value.Value,
            Name = name.Trim(),
            Level = parsed.Value.Level,
            ParentCode = parsed.Value.Parent?.Value,
            ValidFrom = validFrom,
            ValidTo = validTo,
        };
    }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException(new DomainError("division.name_required", "请填写区划名称", "The division needs a name", Field: "name"));
        Name = name.Trim();
    }

    /// <summary>Ends the division's validity (it was merged, renamed or abolished); history stays.</summary>
    public void Retire(DateOnly lastValidDay)
    {
        if (lastValidDay < ValidFrom)
            throw new DomainException(new DomainError("division.validity", "失效日期早于生效日期", "The end of validity is before its start", Field: "valid_to"));
        ValidTo = lastValidDay;
    }

    public static (string Zh, string En) LevelName(DivisionLevel level) => level switch
    {
        DivisionLevel.Province => ("省", "province"),
        DivisionLevel.City => ("市", "city"),
        DivisionLevel.County => ("县（区）", "county"),
        DivisionLevel.Township => ("乡镇（街道）", "township"),
        _ => ("村（社区）", "village"),
    };
}
