using System.Globalization;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Statistics.Features.Indicators;

namespace Tongban.Statistics.Features.QueryFigures;

/// <summary>How the figures are sliced: one row per department, item, channel, month, day, division or level of division.</summary>
internal enum By
{
    Month,
    Day,
    Department,
    Item,
    Channel,
    Division,
    Level,
}

/// <summary>A request for one indicator's figures as it arrives (query strings), checked into a <see cref="FigureQuery"/>.</summary>
internal sealed record FigureRequest(string? Indicator, string? By, string? From, string? To, string? Department, string? Division = null, string? Level = null)
{
    /// <summary>The levels a case's division can have, as the API names them.</summary>
    public static readonly IReadOnlyDictionary<string, DivisionLevel> Levels = new Dictionary<string, DivisionLevel>(StringComparer.Ordinal)
    {
        ["province"] = DivisionLevel.Province, ["city"] = DivisionLevel.City, ["county"] = DivisionLevel.County,
        ["township"] = DivisionLevel.Township, ["village"] = DivisionLevel.Village,
    };

    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>Every fault named at once (400), or the parsed query; the dates default to the last twelve months.</summary>
    public FigureQuery Check(DateOnly today)
    {
        List<DomainError> errors = [];
        var indicator = IndicatorRegistry.Find(Indicator);
        if (indicator is null) errors.Add(Bad("indicator", "没有这个指标", "There is no such indicator"));
        By by = QueryFigures.By.Month;
        if (!string.IsNullOrEmpty(By) && !TryBy(By, out by))
            errors.Add(Bad("by", "分组方式只能是 department、division、level、item、channel、month 或 day", "by must be department, division, level, item, channel, month or day"));
        string? division = null;
        if (!string.IsNullOrWhiteSpace(Division))
        {
            if (DivisionCode.TryParse(Division, out var code, out _)) division = code.Value.Value;
            else errors.Add(Bad("division", "行政区划代码应为6、9或12位数字", "A division code has 6, 9 or 12 digits"));
        }
        DivisionLevel? level = null;
        if (!string.IsNullOrWhiteSpace(Level))
        {
            if (Levels.TryGetValue(Level.Trim(), out var found)) level = found;
            else errors.Add(Bad("level", "层级只能是 province、city、county、township 或 village", "level must be province, city, county, township or village"));
        }
        var to = Date(To, "to", "结束日期", "The end date", errors) ?? today;
        var from = Date(From, "from", "开始日期", "The start date", errors) ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        if (to < from) errors.Add(Bad("to", "结束日期早于开始日期", "The end date is before the start date"));
        if (to > today.AddYears(1)) errors.Add(Bad("to", "结束日期超出了可统计的范围", "The end date is beyond the data"));
        if (errors.Count > 0) throw new DomainException(errors);
        return new FigureQuery(indicator!, by, from, to, string.IsNullOrWhiteSpace(Department) ? null : Department.Trim(), division, level);
    }

    private static bool TryBy(string text, out By by) =>
        Enum.TryParse(text, ignoreCase: true, out by) && Enum.IsDefined(by) && text.All(char.IsAsciiLetter);

    private static DateOnly? Date(string? text, string field, string zh, string en, List<DomainError> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date >= Earliest) return date;
        errors.Add(Bad(field, $"{zh}应为 2000 年以后的日期，格式如 2026-12-05", $"{en} must be a date from 2000 on, like 2026-12-05"));
        return null;
    }

    internal static DomainError Bad(string field, string zh, string en) => new($"statistics.{field}", zh, en, ErrorKind.BadRequest, field);
}

/// <summary>
/// A checked request: the indicator, the slicing, the inclusive dates, the department asked for (credit code) if any, the
/// division (12 digits, the case's own division, not those below it) and the level of the case's division, if asked.
/// </summary>
internal sealed record FigureQuery(Indicator Indicator, By By, DateOnly From, DateOnly To, string? Department, string? Division = null, DivisionLevel? Level = null);
