namespace Tongban.Halls.Domain;

/// <summary>
/// A business category of a hall (业务类别): the letter its tickets carry (A012), its name, and the windows that serve it.
/// A window may serve several categories; a category several windows.
/// </summary>
internal sealed class Category
{
    public const int NameMax = 60;

    private Category() { }

    public CategoryId Id { get; private set; }
    public Guid HallId { get; private set; }
    public string Letter { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? NameEn { get; private set; }
    public List<string> Windows { get; private set; } = [];

    public static Category Create(Guid hallId, string letter, string name, string? nameEn, IReadOnlyCollection<string> windows, IReadOnlyCollection<string> hallWindows)
    {
        var code = letter.Trim().ToUpperInvariant();
        if (!IsLetter(code))
            throw HallErrors.Invalid("category.letter", "类别字母应为一个英文字母（A–Z）", "The category letter is one letter A–Z", "letter");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMax)
            throw HallErrors.Invalid("category.name", $"请填写类别名称（不超过{NameMax}字）", $"Give the category a name of at most {NameMax} characters", "name");
        var served = windows.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().ToList();
        if (served.FirstOrDefault(w => !hallWindows.Contains(w)) is { } unknown)
            throw HallErrors.Invalid("category.window_unknown", $"本大厅没有{unknown}号窗口", $"This hall has no window {unknown}", "windows");
        return new Category
        {
            Id = CategoryId.New(), HallId = hallId, Letter = code, Name = name.Trim(),
            NameEn = string.IsNullOrWhiteSpace(nameEn) ? null : nameEn.Trim(), Windows = served,
        };
    }

    public bool IsServedAt(string window) => Windows.Contains(window);

    /// <summary>Whether a typed letter could name a category (checked before any look-up, so nothing else reaches the database).</summary>
    public static bool IsLetter(string code) => code.Length == 1 && code[0] is >= 'A' and <= 'Z';
}
