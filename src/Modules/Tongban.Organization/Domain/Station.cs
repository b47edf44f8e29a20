using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;

namespace Tongban.Organization.Domain;

internal enum StationKind
{
    /// <summary>政务服务驿站: a service post in a township, usually with assisted application.</summary>
    Yizhan = 1,

    /// <summary>便民服务站 / 便民服务室: a village or community service point.</summary>
    ServicePoint = 2,
}

internal sealed record StationStaff(string Name, string Role, string? Phone);

/// <summary>A township or village station, the lowest of the four levels of the service network.</summary>
internal sealed class Station
{
    private Station() { }

    public StationId Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
    public StationKind Kind { get; private set; }
    public string DivisionCode { get; private set; } = "";
    public string? Address { get; private set; }
    public string? Phone { get; private set; }
    public string? Hours { get; private set; }
    public List<StationStaff> Staff { get; private set; } = [];

    public static Station Create(string key, StationDetails details)
    {
        if (string.IsNullOrWhiteSpace(key))
            throw new DomainException(new DomainError("station.key_required", "请填写站点标识", "The station needs a key", Field: "key"));
        return new Station { Id = StationId.New(), Key = key.Trim() }.Apply(details);
    }

    public void Update(StationDetails details) => Apply(details);

    private Station Apply(StationDetails d)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(d.Name)) errors.Add(new("station.name_required", "请填写站点名称", "The station needs a name", Field: "name"));
        if (!Kernel.Identifiers.DivisionCode.TryParse(d.DivisionCode, out var code, out var codeError)) errors.Add(codeError!.At("division_code"));
        else if (code.Value.Level is not (DivisionLevel.Township or DivisionLevel.Village))
            errors.Add(new("station.level", "驿站或便民服务站应设在乡镇（街道）或村（社区）", "A station belongs to a township or a village", Field: "division_code"));
        foreach (var person in d.Staff.Where(s => string.IsNullOrWhiteSpace(s.Name)))
            errors.Add(new("station.staff_name", "工作人员姓名不能为空", "A staff member needs a name", Field: "staff"));
        if (errors.Count > 0) throw new DomainException(errors);
        Name = d.Name.Trim();
        Kind = d.Kind;
        DivisionCode = code!.Value.Value;
        Address = Department.Blank(d.Address);
        Phone = Department.Blank(d.Phone);
        Hours = Department.Blank(d.Hours);
        Staff = d.Staff.ToList();
        return this;
    }
}

internal sealed record StationDetails(string Name, StationKind Kind, string DivisionCode, string? Address, string? Phone, string? Hours, IReadOnlyList<StationStaff> Staff);
