using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;

namespace Tongban.Catalog.Domain;

/// <summary>The eleven kinds of government service item (GB/T 39554.1).</summary>
internal enum ItemType
{
    行政许可 = 1, 行政处罚, 行政强制, 行政征收, 行政给付, 行政检查, 行政确认, 行政奖励, 行政裁决, 其他行政权力, 公共服务,
}

/// <summary>The level that exercises an item.</summary>
internal enum ExerciseLevel
{
    中央 = 1, 省, 市, 县, 乡镇, 村,
}

[Flags]
internal enum Subjects
{
    None = 0,
    Person = 1,
    LegalPerson = 2,
}

internal enum Requirement
{
    Required = 1,
    Conditional = 2,
}

internal enum MaterialForm
{
    Original = 1,
    Copy = 2,
    OriginalAndCopy = 3,
}

internal enum Medium
{
    Paper = 1,
    Electronic = 2,
    Either = 3,
}

internal sealed record Fee(string Name, string Amount, string? Basis);

/// <summary>
/// A material an applicant provides — or that the platform fetches instead: a registry fact (户籍, 营业执照登记)
/// or a license type from the license library (the slot the license issue fills).
/// </summary>
/// <remarks>
/// <see cref="Key"/> names the material to an application; empty when the feed or the administrator gave none, and then the
/// material is known as m1, m2 … by its position (<see cref="ItemElements.MaterialKey"/>), stable within a version.
/// </remarks>
internal sealed record Material(
    string Name, Requirement Requirement, string? Condition, MaterialForm Form, int Copies, Medium Medium,
    bool Tolerable, string? BlankForm, string? Sample, string? RegistryFact, string? LicenseType, string Key = "")
{
    public bool CanBeReused => RegistryFact is not null || LicenseType is not null;
}

/// <summary>Where an item is handled: a hall and its windows, or a township or village station; and when.</summary>
internal sealed record Place(string? Hall, IReadOnlyList<string> Windows, string? Hours, string? Station = null);

/// <summary>
/// The basic elements of an item (办事指南要素), one immutable document per version. Versions are compared
/// field by field on this document.
/// </summary>
internal sealed record ItemElements
{
    public string Name { get; init; } = "";
    public ItemType? Type { get; init; }
    public ExerciseLevel? Level { get; init; }
    public string DivisionCode { get; init; } = "";
    public string DepartmentCreditCode { get; init; } = "";
    public string? LegalBasis { get; init; }
    public Subjects Subjects { get; init; }
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> LifeEvents { get; init; } = [];
    public int? StatutoryLimit { get; init; }
    public int? PromisedLimit { get; init; }
    public IReadOnlyList<Fee> Fees { get; init; } = [];
    public IReadOnlyList<Material> Materials { get; init; } = [];
    public int? Trips { get; init; }
    public int? OnlineDepth { get; init; }
    public IReadOnlyList<Place> Places { get; init; } = [];
    public IReadOnlyList<string> Steps { get; init; } = [];
    public string? ConsultationPhone { get; init; }
    public string? ComplaintPhone { get; init; }
    public int? RealNameLevel { get; init; }
    public string? CrossRegion { get; init; }
    public string? Summary { get; init; }

    /// <summary>The application form an applicant fills in; empty when the item asks for nothing beyond its materials.</summary>
    public FormDefinition Form { get; init; } = FormDefinition.Empty;

    /// <summary>The handling steps after acceptance; empty means <see cref="HandlingStep.Default"/>.</summary>
    public IReadOnlyList<HandlingStep> Process { get; init; } = [];

    /// <summary>The steps a case of this version goes through: its own, or review then decision.</summary>
    public IReadOnlyList<HandlingStep> EffectiveProcess => Process.Count > 0 ? Process : HandlingStep.Default;

    /// <summary>
    /// Whether a person can apply online (在线办理): the item is handled online (网上受理 or 全程网办, depth 3 or 4) and
    /// has an application form to fill in. A method, not a property: it is read from the elements, never stored with them.
    /// </summary>
    public bool TakesOnlineApplications() => OnlineDepth >= 3 && Form.Fields.Count > 0;

    /// <summary>The key of the material at <paramref name="index"/>: its own, or m1, m2 … by position.</summary>
    public string MaterialKey(int index) => Materials[index].Key is { Length: > 0 } key ? key : $"m{index + 1}";

    /// <summary>
    /// The basic elements of <paramref name="upstream"/> (the same basic item at a higher level) with this implementation's
    /// own — where and by whom: division, department, level, places, consultation phone (what
    /// <c>ManageItems.ImplementAsync</c> leaves to the implementer). Basic elements identical by construction.
    /// </summary>
    public ItemElements Rebased(ItemElements upstream) => upstream with
    {
        DivisionCode = DivisionCode, DepartmentCreditCode = DepartmentCreditCode, Level = Level, Places = Places, ConsultationPhone = ConsultationPhone,
    };

    /// <summary>Every element an item must have before it can go to legality review, named at once.</summary>
    public IReadOnlyList<DomainError> Missing()
    {
        var missing = new List<DomainError>();
        void Need(bool present, string field, string zh, string en)
        {
            if (!present) missing.Add(new DomainError("item.element_missing", $"缺少要素：{zh}", $"Missing element: {en}", Field: field));
        }
        Need(!string.IsNullOrWhiteSpace(Name), "name", "事项名称", "name");
        Need(Type is not null, "type", "事项类型", "item type");
        Need(Level is not null, "level", "行使层级", "exercise level");
        Need(!string.IsNullOrWhiteSpace(DivisionCode), "division_code", "行政区划", "division");
        Need(!string.IsNullOrWhiteSpace(DepartmentCreditCode), "department", "实施主体", "implementing department");
        Need(!string.IsNullOrWhiteSpace(LegalBasis), "legal_basis", "设定依据", "legal basis");
        Need(Subjects != Subjects.None, "subjects", "服务对象", "subjects");
        Need(PromisedLimit is not null, "promised_limit", "承诺办结时限", "promised time limit");
        Need(Materials.Count > 0, "materials", "申请材料", "materials");
        Need(Trips is not null, "trips", "到办事现场次数", "number of trips");
        Need(OnlineDepth is not null, "online_depth", "网办深度", "online-handling depth");
        Need(Places.Count > 0, "places", "办理地点", "where it is handled");
        Need(Steps.Count > 0, "steps", "办理流程", "process steps");
        Need(!string.IsNullOrWhiteSpace(ConsultationPhone), "consultation_phone", "咨询电话", "consultation phone");
        Need(!string.IsNullOrWhiteSpace(ComplaintPhone), "complaint_phone", "监督投诉电话", "complaint phone");
        Need(RealNameLevel is not null, "real_name_level", "实名等级", "real-name level");
        return missing;
    }

    /// <summary>Values that are wrong whatever else is missing: ranges and the promised-within-statutory rule.</summary>
    public IReadOnlyList<DomainError> Invalid()
    {
        var invalid = new List<DomainError>();
        if (StatutoryLimit is < 0 || PromisedLimit is < 0)
            invalid.Add(new("item.limit_negative", "办结时限不能为负数", "Time limits cannot be negative", Field: "promised_limit"));
        if (StatutoryLimit is { } statutory && PromisedLimit is { } promised && promised > statutory)
            invalid.Add(new("item.promised_over_statutory", $"承诺时限（{promised}个工作日）不能超过法定时限（{statutory}个工作日）",
                $"The promised limit ({promised} working days) cannot exceed the statutory limit ({statutory})", Field: "promised_limit"));
        if (OnlineDepth is < 1 or > 4)
            invalid.Add(new("item.online_depth", "网办深度应为1至4", "The online-handling depth is 1 to 4", Field: "online_depth"));
        if (Trips is < 0)
            invalid.Add(new("item.trips", "跑动次数不能为负数", "Trips cannot be negative", Field: "trips"));
        if (RealNameLevel is < 1 or > 3)
            invalid.Add(new("item.real_name_level", "实名等级应为1至3", "The real-name level is 1 to 3", Field: "real_name_level"));
        foreach (var m in Materials.Where(m => string.IsNullOrWhiteSpace(m.Name) || m.Copies < 0))
            invalid.Add(new("item.material", "每项材料都需要名称，份数不能为负", "Every material needs a name and a non-negative number of copies", Field: "materials"));
        foreach (var place in Places.Where(p => string.IsNullOrWhiteSpace(p.Hall) == string.IsNullOrWhiteSpace(p.Station)))
            invalid.Add(new("item.place", "每个办理地点应是一个大厅或一个驿站（二者选一）", "Each place is either a hall or a station", Field: "places"));
        foreach (var m in Materials.Where(m => m.Requirement == Requirement.Conditional && string.IsNullOrWhiteSpace(m.Condition)))
            invalid.Add(new("item.material_condition", $"“{m.Name}”是情形材料，请写明在什么情形下需要", $"'{m.Name}' is conditional: say when it is needed", Field: "materials"));
        invalid.AddRange(ItemDefinitions.CheckMaterialKeys(this));
        invalid.AddRange(Form.Check().Select(e => e with { Field = "form_fields" }));
        invalid.AddRange(ItemDefinitions.CheckProcess(Process));
        return invalid;
    }
}
