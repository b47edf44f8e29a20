using System.Globalization;
using Tongban.Kernel.Ratings;

namespace Tongban.Federation.Kinds;

/// <summary>
/// The code lists of the national and provincial shapes (domain facts 2, §5), each a table of its own: the sources
/// number the same things in different orders, so nothing is computed from our own enum values.
/// </summary>
internal static class NationalCodes
{
    /// <summary>GB/T 39046-2020 满意度代码: 1 非常满意 … 5 非常不满意 (the reverse of our scale).</summary>
    public static readonly IReadOnlyDictionary<RatingLevel, string> Gb39046Satisfaction = new Dictionary<RatingLevel, string>
    {
        [RatingLevel.VerySatisfied] = "1", [RatingLevel.Satisfied] = "2", [RatingLevel.Fair] = "3",
        [RatingLevel.Dissatisfied] = "4", [RatingLevel.VeryDissatisfied] = "5",
    };

    /// <summary>The provincial 好差评 push's <c>satisfaction</c>: 1 非常不满意 … 5 非常满意.</summary>
    public static readonly IReadOnlyDictionary<RatingLevel, string> ProvincialSatisfaction = new Dictionary<RatingLevel, string>
    {
        [RatingLevel.VeryDissatisfied] = "1", [RatingLevel.Dissatisfied] = "2", [RatingLevel.Fair] = "3",
        [RatingLevel.Satisfied] = "4", [RatingLevel.VerySatisfied] = "5",
    };

    /// <summary>
    /// The provincial 好差评 push's rating channel (<c>pf</c>): 1 PC, 2 移动, 3 二维码, 4 大厅平板, 5 大厅其他终端, 6 短信, 7 系统默认.
    /// A case's own rating is given on the website (1); a rating taken at a hall window's tablet is 4.
    /// </summary>
    public const string RatedOnline = "1";
    public const string RatedAtHallTablet = "4";

    /// <summary>申报来源 by our channel: 1 网上申报, 2 窗口受理, 3 代办点 (a station's agent).</summary>
    public static readonly IReadOnlyDictionary<string, string> Source = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["online"] = "1", ["window"] = "2", ["station"] = "3",
    };

    /// <summary>办件类型代码: 1 即办件, 2 承诺件, 9 其他. A case with a promised conclusion date is 承诺件.</summary>
    public const string PromisedCase = "2";
    public const string OtherCase = "9";

    /// <summary>办件状态 (proStatus): 1 待办理, 2 办理中, 3 已完结.</summary>
    public const string Waiting = "1";
    public const string InHand = "2";
    public const string Finished = "3";

    /// <summary>证件类型代码 (GA/T 2000.156): 111 居民身份证.</summary>
    public const string ResidentIdCard = "111";

    /// <summary>持证主体代码类型 (GB/T 36903 Appendix A): 111 公民身份号码 (001 统一社会信用代码 is public).</summary>
    public const string PersonHolder = "111";

    /// <summary>
    /// A license's operation by its status change (from, to; <c>*</c> any): 03 暂扣, 06 暂扣发还, 05 注销, 07 其他 (撤销, 吊销),
    /// 09 变更 (replaced). 01 新发 and 02 延续 are the issue's own (the license operation list of domain facts 2, §1.3).
    /// </summary>
    public static readonly IReadOnlyDictionary<(string From, string To), string> LicenseOperation = new Dictionary<(string, string), string>
    {
        [("02", "01")] = "06", [("*", "02")] = "03", [("*", "03")] = "07", [("*", "04")] = "05", [("*", "07")] = "07", [("*", "99")] = "09",
    };

    /// <summary>The national datetime format, YYYYMMDDhhmmss in the region's time.</summary>
    public static string Time(DateTimeOffset local) => local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
