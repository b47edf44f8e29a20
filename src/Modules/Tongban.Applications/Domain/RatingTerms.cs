namespace Tongban.Applications.Domain;

/// <summary>好差评 levels, 5 best. 不满意 and 非常不满意 are bad ratings: each opens a rectification.</summary>
internal enum RatingLevel
{
    VeryDissatisfied = 1,
    Dissatisfied = 2,
    Fair = 3,
    Satisfied = 4,
    VerySatisfied = 5,
}

/// <summary>Where a rectification (整改) stands: open until the department reports; an appeal reopens or closes it.</summary>
internal enum RectificationStatus
{
    Open = 1,
    Reported = 2,
    Appealed = 3,
    Closed = 4,
}

/// <summary>A call-back (回访) to the applicant: when, by whom, what came of it.</summary>
internal sealed record CallBack(DateTimeOffset At, string By, string Outcome);

internal static class RatingTexts
{
    /// <summary>The fixed list of indicators an applicant may tick, by key.</summary>
    public static readonly IReadOnlyList<(string Key, string Zh, string En)> Indicators =
    [
        ("efficiency", "办事效率", "Efficiency"),
        ("attitude", "服务态度", "Attitude of the staff"),
        ("guide", "办事指南准确", "Accurate service guide"),
        ("once", "一次办成", "Done in one go"),
        ("convenience", "办事便利", "Convenience"),
    ];

    public static (string Zh, string En) Level(RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => ("非常满意", "Very satisfied"),
        RatingLevel.Satisfied => ("满意", "Satisfied"),
        RatingLevel.Fair => ("基本满意", "Fairly satisfied"),
        RatingLevel.Dissatisfied => ("不满意", "Dissatisfied"),
        _ => ("非常不满意", "Very dissatisfied"),
    };

    public static (string Zh, string En) Status(RectificationStatus status) => status switch
    {
        RectificationStatus.Open => ("整改中", "Being rectified"),
        RectificationStatus.Reported => ("已报告", "Reported"),
        RectificationStatus.Appealed => ("申诉中", "Appealed"),
        _ => ("已办结", "Closed"),
    };
}
