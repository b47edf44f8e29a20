using Tongban.Kernel.Errors;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageStations;

/// <summary>The station form; staff are typed one a line: 姓名, 角色, 电话.</summary>
internal sealed class StationInput
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public StationKind Kind { get; set; } = StationKind.ServicePoint;
    public string DivisionCode { get; set; } = "";
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Hours { get; set; }
    public string? Staff { get; set; }

    public StationDetails ToDetails() => new(Name, Kind, DivisionCode, Address, Phone, Hours,
        (Staff ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseStaff).ToList());

    public static StationInput From(Station s) => new()
    {
        Key = s.Key, Name = s.Name, Kind = s.Kind, DivisionCode = s.DivisionCode, Address = s.Address, Phone = s.Phone, Hours = s.Hours,
        Staff = string.Join("\n", s.Staff.Select(p => $"{p.Name}, {p.Role}, {p.Phone}")),
    };

    private static StationStaff ParseStaff(string line)
    {
        var parts = line.Split([',', '，'], StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 3 || parts[0].Length == 0)
            throw new DomainException(new DomainError("station.staff_format", $"无法识别“{line}”，每行写作：姓名, 角色, 电话", $"Cannot read '{line}'; write each line as name, role, phone", Field: "staff"));
        return new StationStaff(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : "agent", parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null);
    }
}
