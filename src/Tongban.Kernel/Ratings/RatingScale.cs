namespace Tongban.Kernel.Ratings;

/// <summary>
/// The 好差评 levels, 5 best, one scale for every rating the platform takes (a case, a window's service): 不满意 and
/// 非常不满意 are bad ratings, each calling for a rectification.
/// </summary>
public enum RatingLevel
{
    VeryDissatisfied = 1,
    Dissatisfied = 2,
    Fair = 3,
    Satisfied = 4,
    VerySatisfied = 5,
}

/// <summary>The words of the scale and the fixed indicators a person may tick, by key, so that ratings read together.</summary>
public static class RatingScale
{
    public static readonly IReadOnlyList<(string Key, string Zh, string En)> Indicators =
    [
        ("efficiency", "办事效率", "Efficiency"),
        ("attitude", "服务态度", "Attitude of the staff"),
        ("guide", "办事指南准确", "Accurate service guide"),
        ("once", "一次办成", "Done in one go"),
        ("convenience", "办事便利", "Convenience"),
    ];

    public static bool IsBad(RatingLevel level) => level <= RatingLevel.Dissatisfied;

    public static (string Zh, string En) Words(RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => ("非常满意", "Very satisfied"),
        RatingLevel.Satisfied => ("满意", "Satisfied"),
        RatingLevel.Fair => ("基本满意", "Fairly satisfied"),
        RatingLevel.Dissatisfied => ("不满意", "Dissatisfied"),
        _ => ("非常不满意", "Very dissatisfied"),
    };
}
