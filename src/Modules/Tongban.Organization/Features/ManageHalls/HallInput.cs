using System.Globalization;
using Tongban.Kernel.Errors;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageHalls;

/// <summary>The hall form as text fields; lists are typed one per line or separated by commas.</summary>
internal sealed class HallInput
{
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string DivisionCode { get; set; } = "";
    public string Address { get; set; } = "";
    public string? AddressEn { get; set; }
    public string? BusRoutes { get; set; }
    public string? BusStop { get; set; }
    public string OpeningHours { get; set; } = "08:30-17:00";
    public string? Phone { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Introduction { get; set; }
    public string? IntroductionEn { get; set; }
    public DateOnly? FoundedOn { get; set; }
    public int? FloorArea { get; set; }
    public int? DepartmentCount { get; set; }
    public int? StaffCount { get; set; }
    public int? ItemCount { get; set; }

    /// <summary>One figure a line: 标签 | English label | 值.</summary>
    public string? Figures { get; set; }

    private static readonly char[] ListSeparators = [',', '，', '、', '\n'];

    public HallProfile ToProfile() => new()
    {
        Name = Name, NameEn = NameEn, DivisionCode = DivisionCode, Address = Address, AddressEn = AddressEn,
        BusRoutes = Split(BusRoutes, ListSeparators), BusStop = BusStop, OpeningHours = ParseHours(OpeningHours), Phone = Phone,
        Latitude = Latitude, Longitude = Longitude, Introduction = Introduction, IntroductionEn = IntroductionEn, FoundedOn = FoundedOn,
        FloorArea = FloorArea, DepartmentCount = DepartmentCount, StaffCount = StaffCount, ItemCount = ItemCount,
        Figures = Split(Figures, ['\n']).Select(ParseFigure).ToList(),
    };

    public static HallInput From(string slug, HallProfile p) => new()
    {
        Slug = slug, Name = p.Name, NameEn = p.NameEn, DivisionCode = p.DivisionCode, Address = p.Address, AddressEn = p.AddressEn,
        BusRoutes = string.Join("，", p.BusRoutes), BusStop = p.BusStop,
        OpeningHours = string.Join(", ", p.OpeningHours.Select(s => $"{s.From:HH\\:mm}-{s.To:HH\\:mm}")), Phone = p.Phone,
        Latitude = p.Latitude, Longitude = p.Longitude, Introduction = p.Introduction, IntroductionEn = p.IntroductionEn, FoundedOn = p.FoundedOn,
        FloorArea = p.FloorArea, DepartmentCount = p.DepartmentCount, StaffCount = p.StaffCount, ItemCount = p.ItemCount,
        Figures = string.Join("\n", p.Figures.Select(f => $"{f.Label} | {f.LabelEn} | {f.Value}")),
    };

    private static List<string> Split(string? text, char[] separators) =>
        (text ?? "").Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static List<OpeningSession> ParseHours(string text) => Split(text, [',', '，', ';', '；']).Select(part =>
    {
        var ends = part.Split(['-', '–', '—', '~'], StringSplitOptions.TrimEntries);
        if (ends.Length == 2
            && TimeOnly.TryParseExact(ends[0], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && TimeOnly.TryParseExact(ends[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            return new OpeningSession(from, to);
        throw new DomainException(new DomainError("hall.hours_format", $"无法识别办公时段“{part}”，应写作08:30-17:00", $"Cannot read the session '{part}'; write it as 08:30-17:00", Field: "opening_hours"));
    }).ToList();

    private static HallFigure ParseFigure(string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            2 => new HallFigure(parts[0], null, parts[1]),
            3 => new HallFigure(parts[0], parts[1].Length == 0 ? null : parts[1], parts[2]),
            _ => throw new DomainException(new DomainError("hall.figure_format", $"无法识别“{line}”，每行写作：标签 | English label | 值", $"Cannot read '{line}'; write each line as label | English label | value", Field: "figures")),
        };
    }
}
