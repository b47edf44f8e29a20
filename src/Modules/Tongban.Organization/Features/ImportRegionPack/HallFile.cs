using System.Globalization;
using System.Text.Json;
using Tongban.Kernel.Errors;
using Tongban.Organization.Contracts;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ImportRegionPack;

/// <summary>halls.json of a region pack: an array of halls with their public profile.</summary>
internal static class HallFile
{
    public sealed record SessionJson(string From, string To);

    /// <summary>An extra session: kind "extended" (延时服务) or "weekend" (周末不打烊), days "Monday"…"Sunday" (or "Mon"…), from–to, window numbers.</summary>
    public sealed record ExtraSessionJson(string? Kind, List<string>? Days, string? From, string? To, List<string>? Windows, string? StartsOn, string? EndsOn, bool? OnHolidays);

    public sealed record FigureJson(string Label, string? LabelEn, string Value);

    public sealed record HallJson(
        string Slug, string Name, string? NameEn, string DivisionCode, string Address, string? AddressEn,
        List<string>? BusRoutes, string? BusStop, List<SessionJson>? OpeningHours, string? Phone,
        double? Latitude, double? Longitude, string? Introduction, string? IntroductionEn, string? FoundedOn,
        int? FloorArea, int? DepartmentCount, int? StaffCount, int? ItemCount, List<FigureJson>? Figures,
        List<ExtraSessionJson>? ExtraSessions = null);

    public static readonly DomainError BadDate = new("hall.date", "foundedOn 日期格式应为YYYY-MM-DD", "foundedOn is written YYYY-MM-DD", Field: "founded_on");

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static List<(string Slug, HallProfile Profile, List<ExtraSession>? Extra)> Read(Stream json, string source)
    {
        List<HallJson> halls;
        try
        {
            halls = JsonSerializer.Deserialize<List<HallJson>>(json, Options) ?? [];
        }
        catch (JsonException ex)
        {
            throw new DomainException(new DomainError("json.malformed", $"{source} 第{ex.LineNumber + 1}行格式错误（{ex.Path}）",
                $"{source} line {ex.LineNumber + 1} is malformed ({ex.Path})", Field: $"{source} line {ex.LineNumber + 1}"));
        }
        var errors = new List<DomainError>();
        var result = new List<(string, HallProfile, List<ExtraSession>?)>();
        for (var i = 0; i < halls.Count; i++)
        {
            var h = halls[i];
            var where = $"{source} [{i}] {h.Slug}";
            try
            {
                result.Add((h.Slug ?? "", ToProfile(h), ToExtraSessions(h.ExtraSessions)));
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors.Select(e => e with { Field = $"{where}, {e.Field}", Chinese = $"{where}：{e.Chinese}", English = $"{where}: {e.English}" }));
            }
        }
        if (errors.Count > 0) throw new DomainException(errors);
        return result;
    }

    /// <summary>The profile a hall's JSON describes, validated; the same shape is accepted by the API.</summary>
    public static HallProfile ToProfile(HallJson h)
    {
        var profile = new HallProfile
        {
            Name = h.Name ?? "", NameEn = h.NameEn, DivisionCode = h.DivisionCode ?? "", Address = h.Address ?? "", AddressEn = h.AddressEn,
            BusRoutes = h.BusRoutes ?? [], BusStop = h.BusStop, OpeningHours = Sessions(h.OpeningHours), Phone = h.Phone,
            Latitude = h.Latitude, Longitude = h.Longitude, Introduction = h.Introduction, IntroductionEn = h.IntroductionEn,
            FoundedOn = FoundedOn(h.FoundedOn),
            FloorArea = h.FloorArea, DepartmentCount = h.DepartmentCount, StaffCount = h.StaffCount, ItemCount = h.ItemCount,
            Figures = (h.Figures ?? []).Select(x => new HallFigure(x.Label, x.LabelEn, x.Value)).ToList(),
        };
        profile.Validate();
        return profile;
    }

    /// <summary>The extra sessions as written, their shape checked (the hall checks them against its hours and windows); null when absent.</summary>
    public static List<ExtraSession>? ToExtraSessions(List<ExtraSessionJson>? sessions)
    {
        if (sessions is null) return null;
        var errors = new List<DomainError>();
        var result = new List<ExtraSession>();
        foreach (var s in sessions)
        {
            var kind = s.Kind?.Trim().ToLowerInvariant() switch
            {
                "extended" => HallSessionKind.Extended,
                "weekend" => HallSessionKind.Weekend,
                _ => (HallSessionKind?)null,
            };
            if (kind is null)
                errors.Add(new("hall.extra_kind", $"无法识别时段类型“{s.Kind}”，应为extended（延时服务）或weekend（周末不打烊）", $"Cannot read the kind '{s.Kind}'; write extended or weekend", Field: "kind"));
            var days = new List<DayOfWeek>();
            foreach (var day in s.Days ?? [])
                if (Day(day) is { } d) days.Add(d);
                else errors.Add(new("hall.extra_day_format", $"无法识别星期“{day}”，应写作Monday至Sunday", $"Cannot read the day '{day}'; write Monday to Sunday", Field: "days"));
            if (!Time(s.From, out var from) || !Time(s.To, out var to))
            {
                errors.Add(new("hall.extra_time_format", "时段的起止时间格式应为HH:mm", "A session's times are written HH:mm", Field: "from"));
                continue;
            }
            DateOnly? startsOn = null, endsOn = null;
            try
            {
                (startsOn, endsOn) = (Date(s.StartsOn), Date(s.EndsOn));
            }
            catch (DomainException ex)
            {
                errors.AddRange(ex.Errors);
            }
            if (kind is { } k) result.Add(new ExtraSession(k, days, from, to, s.Windows ?? [], startsOn, endsOn, s.OnHolidays ?? false));
        }
        if (errors.Count > 0) throw new DomainException(errors);
        return result;
    }

    private static DayOfWeek? Day(string? text) =>
        text?.Trim() is { Length: >= 3 } t
            ? Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>().FirstOrDefault(d => d.ToString()!.Equals(t, StringComparison.OrdinalIgnoreCase) || d.ToString()![..3].Equals(t, StringComparison.OrdinalIgnoreCase))
            : null;

    private static bool Time(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static DateOnly? Date(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new DomainException(new DomainError("hall.extra_date_format", $"日期“{text}”的格式应为YYYY-MM-DD", $"The date '{text}' is written YYYY-MM-DD", Field: "starts_on"));

    private static DateOnly? FoundedOn(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new DomainException(BadDate);

    private static List<OpeningSession> Sessions(List<SessionJson>? sessions) =>
        (sessions ?? []).Select(s =>
        {
            if (TimeOnly.TryParseExact(s.From, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                && TimeOnly.TryParseExact(s.To, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
                return new OpeningSession(from, to);
            throw new DomainException(new DomainError("hall.hours_format", "办公时间格式应为HH:mm", "Opening hours are written HH:mm", Field: "opening_hours"));
        }).ToList();
}
