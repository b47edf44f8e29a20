using System.Text.RegularExpressions;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Organization.Contracts;

namespace Tongban.Organization.Domain;

/// <summary>A public administrative service centre (政务服务大厅) with its windows.</summary>
internal sealed partial class Hall
{
    private readonly List<Window> _windows = [];

    private Hall() { }

    public HallId Id { get; private set; }
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? NameEn { get; private set; }
    public string DivisionCode { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string? AddressEn { get; private set; }
    public List<string> BusRoutes { get; private set; } = [];
    public string? BusStop { get; private set; }
    public List<OpeningSession> OpeningHours { get; private set; } = [];
    public string? Phone { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public string? Introduction { get; private set; }
    public string? IntroductionEn { get; private set; }
    public DateOnly? FoundedOn { get; private set; }
    public int? FloorArea { get; private set; }
    public int? DepartmentCount { get; private set; }
    public int? StaffCount { get; private set; }
    public int? ItemCount { get; private set; }
    public List<HallFigure> Figures { get; private set; } = [];

    /// <summary>Extended and weekend sessions (延时服务, 周末不打烊), each with the windows that serve in it.</summary>
    public List<ExtraSession> ExtraSessions { get; private set; } = [];
    public IReadOnlyList<Window> Windows => _windows;

    public HallProfile Profile => new()
    {
        Name = Name, NameEn = NameEn, DivisionCode = DivisionCode, Address = Address, AddressEn = AddressEn,
        BusRoutes = [.. BusRoutes], BusStop = BusStop, OpeningHours = [.. OpeningHours], Phone = Phone,
        Latitude = Latitude, Longitude = Longitude, Introduction = Introduction, IntroductionEn = IntroductionEn,
        FoundedOn = FoundedOn, FloorArea = FloorArea, DepartmentCount = DepartmentCount, StaffCount = StaffCount,
        ItemCount = ItemCount, Figures = [.. Figures],
    };

    public static Hall Create(string slug, HallProfile profile)
    {
        if (string.IsNullOrWhiteSpace(slug) || !SlugPattern().IsMatch(slug))
            throw new DomainException(new DomainError("hall.slug", "网址标识只能包含小写字母、数字和连字符", "The URL name may hold lower-case letters, digits and hyphens only", Field: "slug"));
        var hall = new Hall { Id = HallId.New(), Slug = slug };
        hall.Update(profile);
        return hall;
    }

    public void Update(HallProfile p)
    {
        p.Validate();
        var clashes = ExtraSessionRules.Check(ExtraSessions, p.OpeningHours, [.. _windows.Select(w => w.Number)])
            .Where(e => e.Code == "hall.extra_overlaps_hours").Select(e => e with { Field = "opening_hours" }).ToList();
        if (clashes.Count > 0) throw new DomainException(clashes);
        (Name, NameEn, DivisionCode, Address, AddressEn) = (p.Name.Trim(), Department.Blank(p.NameEn), Kernel.Identifiers.DivisionCode.Parse(p.DivisionCode).Value, p.Address.Trim(), Department.Blank(p.AddressEn));
        (BusRoutes, BusStop, OpeningHours, Phone) = ([.. p.BusRoutes.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim())], Department.Blank(p.BusStop), [.. p.OpeningHours.OrderBy(s => s.From)], Department.Blank(p.Phone));
        (Latitude, Longitude, Introduction, IntroductionEn) = (p.Latitude, p.Longitude, Department.Blank(p.Introduction), Department.Blank(p.IntroductionEn));
        (FoundedOn, FloorArea, DepartmentCount, StaffCount, ItemCount, Figures) = (p.FoundedOn, p.FloorArea, p.DepartmentCount, p.StaffCount, p.ItemCount, [.. p.Figures]);
    }

    /// <summary>
    /// Replaces the extra sessions, all or none: each needs days, an end after its start, known windows of this hall,
    /// and may overlap neither the working-day hours (an extension) nor another session that can run on the same day.
    /// </summary>
    public void SetExtraSessions(IReadOnlyList<ExtraSession> sessions)
    {
        var tidy = sessions.Select(s => s with
        {
            Days = [.. s.Days.Distinct().OrderBy(d => ((int)d + 6) % 7)],
            Windows = [.. s.Windows.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().Order(StringComparer.Ordinal)],
        }).ToList();
        var errors = ExtraSessionRules.Check(tidy, OpeningHours, [.. _windows.Select(w => w.Number)]);
        if (errors.Count > 0) throw new DomainException(errors);
        ExtraSessions = [.. tidy.OrderBy(s => s.Kind).ThenBy(s => s.From)];
    }

    /// <summary>The hall as other modules read it (<see cref="HallInfo"/>), whose <see cref="HallInfo.SessionsOn"/> is the one rule for a day's sessions.</summary>
    public HallInfo Info() =>
        new(Id.Value, Slug, Name, NameEn, DivisionCode, Address, AddressEn,
            [.. OpeningHours.Select(s => new HallSession(s.From, s.To))], [.. ExtraSessions.Select(e => e.ToInfo())])
        { Phone = Phone, StaffCount = StaffCount };

    /// <summary>The sessions of a day in time order (<see cref="HallInfo.SessionsOn"/>); to ask for many days, take <see cref="Info"/> once.</summary>
    public IReadOnlyList<HallDaySession> SessionsOn(DateOnly day, WorkingDayCalendar calendar) => Info().SessionsOn(day, calendar);

    public Window OpenWindow(string number, DepartmentId department, string name, string? nameEn)
    {
        if (string.IsNullOrWhiteSpace(number))
            throw new DomainException(new DomainError("window.number_required", "请填写窗口编号", "The window needs a number", Field: "number"));
        if (_windows.Any(w => w.Number == number.Trim()))
            throw new DomainException(new DomainError("window.duplicate", $"本大厅已有{number}号窗口", $"This hall already has window {number}", ErrorKind.Conflict, "number"));
        var window = Window.Create(Id, number.Trim(), department, name, nameEn);
        _windows.Add(window);
        return window;
    }

    public void CloseWindow(WindowId id)
    {
        var window = _windows.SingleOrDefault(w => w.Id == id)
            ?? throw new DomainException(DomainError.NotFound("窗口", "The window"));
        if (ExtraSessions.FirstOrDefault(s => s.Windows.Contains(window.Number)) is { } serving)
            throw new DomainException(new DomainError("window.serves_extra", $"{window.Number}号窗口在“{serving.Describe(true)}”时段提供服务，请先修改该时段",
                $"Window {window.Number} serves in '{serving.Describe(false)}'; change that session first", ErrorKind.Conflict));
        _windows.Remove(window);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}

/// <summary>A hall window, staffed by one department.</summary>
internal sealed class Window
{
    private Window() { }

    public WindowId Id { get; private set; }
    public HallId HallId { get; private set; }
    public string Number { get; private set; } = "";
    public DepartmentId DepartmentId { get; private set; }
    public string Name { get; private set; } = "";
    public string? NameEn { get; private set; }

    internal static Window Create(HallId hall, string number, DepartmentId department, string name, string? nameEn)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException(new DomainError("window.name_required", "请填写窗口名称", "The window needs a name", Field: "name"));
        return new Window { Id = WindowId.New(), HallId = hall, Number = number, DepartmentId = department, Name = name.Trim(), NameEn = Department.Blank(nameEn) };
    }
}
