namespace Tongban.Kernel.Localization;

/// <summary>
/// A page that shows catalog content (item names, guides, materials, life events: published by the departments in
/// Chinese only) sets <c>ViewData[ChineseContent.Key] = true</c>; in English the layout then says so once, at the top.
/// </summary>
public static class ChineseContent
{
    public const string Key = "ChineseContent";
}
