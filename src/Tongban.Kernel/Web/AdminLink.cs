namespace Tongban.Kernel.Web;

/// <summary>
/// An entry a module contributes to the administration home page, shown to those who satisfy
/// <see cref="Policy"/>. Register with <c>services.AddSingleton(new AdminLink(...))</c>.
/// </summary>
public sealed record AdminLink(string Href, string Chinese, string English, string DescriptionChinese, string DescriptionEnglish, string Policy, int Order = 100);
