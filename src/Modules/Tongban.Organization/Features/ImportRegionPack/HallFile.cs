using System.Globalization;
using System.Text.Json;
using Tongban.Kernel.Errors;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ImportRegionPack;

/// <summary>halls.json of a region pack: an array of halls with their public profile.</summary>
internal static class HallFile
{
    public sealed record SessionJson(string From, string To);

    public sealed record FigureJson(string Label, string? LabelEn, string Value);

    public sealed record HallJson(
        string Slug, string Name, string? NameEn, string DivisionCode, string Address, string? AddressEn,
        List<string>? BusRoutes, string? BusStop, List<SessionJson>? OpeningHours, string? Phone,
        double? Latitude, double? Longitude, string? Introduction, string? IntroductionEn, string? FoundedOn,
        int? FloorArea, int? DepartmentCount, int? StaffCount, int? ItemCount, List<FigureJson>? Figures);

    public static readonly DomainError BadDate = new("hall.date", "foundedOn 日期格式应为YYYY-MM-DD", "foundedOn is written YYYY-MM-DD", Field: "founded_on");

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static List<(string Slug, HallProfile Profile)> Read(Stream json, string source)
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
        var result = new List<(string, HallProfile)>();
        for (var i = 0; i < halls.Count; i++)
        {
            var h = halls[i];
            var where = $"{source} [{i}] {h.Slug}";
            try
            {
                result.Add((h.Slug ?? "", ToProfile(h)));
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
