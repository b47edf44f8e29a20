using Tongban.Kernel.Errors;

namespace Tongban.Organization.Domain;

/// <summary>Opening hours on a working day, e.g. 08:30–11:30; a hall may have a morning and an afternoon session.</summary>
internal sealed record OpeningSession(TimeOnly From, TimeOnly To);

/// <summary>A figure a hall publishes about itself: "入驻部门 39个".</summary>
internal sealed record HallFigure(string Label, string? LabelEn, string Value);

/// <summary>What the public sees about a hall; replaced as a whole when an administrator edits it.</summary>
internal sealed record HallProfile
{
    public required string Name { get; init; }
    public string? NameEn { get; init; }
    public required string DivisionCode { get; init; }
    public required string Address { get; init; }
    public string? AddressEn { get; init; }
    public List<string> BusRoutes { get; init; } = [];
    public string? BusStop { get; init; }
    public List<OpeningSession> OpeningHours { get; init; } = [];
    public string? Phone { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Introduction { get; init; }
    public string? IntroductionEn { get; init; }
    public DateOnly? FoundedOn { get; init; }
    public int? FloorArea { get; init; }
    public int? DepartmentCount { get; init; }
    public int? StaffCount { get; init; }
    public int? ItemCount { get; init; }
    public List<HallFigure> Figures { get; init; } = [];

    public void Validate()
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(new("hall.name_required", "请填写大厅名称", "The hall needs a name", Field: "name"));
        if (string.IsNullOrWhiteSpace(Address)) errors.Add(new("hall.address_required", "请填写地址", "The hall needs an address", Field: "address"));
        if (!Kernel.Identifiers.DivisionCode.TryParse(DivisionCode, out _, out var division)) errors.Add(division!.At("division_code"));
        if (OpeningHours.Count == 0)
            errors.Add(new("hall.hours_required", "请至少填写一个办公时段", "Give at least one opening session", Field: "opening_hours"));
        foreach (var session in OpeningHours.Where(s => s.To <= s.From))
            errors.Add(new("hall.hours_order", $"办公时段{session.From:HH\\:mm}–{session.To:HH\\:mm}的结束时间应晚于开始时间", $"Session {session.From:HH\\:mm}–{session.To:HH\\:mm} ends before it starts", Field: "opening_hours"));
        if (Latitude is < -90 or > 90 || Longitude is < -180 or > 180)
            errors.Add(new("hall.coordinates", "经纬度超出范围", "The coordinates are out of range", Field: "latitude"));
        if (FloorArea is < 0 || DepartmentCount is < 0 || StaffCount is < 0 || ItemCount is < 0)
            errors.Add(new("hall.negative", "数量不能为负数", "Counts cannot be negative", Field: "figures"));
        if (errors.Count > 0) throw new DomainException(errors);
    }
}
