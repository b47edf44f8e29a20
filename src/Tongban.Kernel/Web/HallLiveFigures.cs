namespace Tongban.Kernel.Web;

/// <summary>
/// Live figures a module shows on a hall's public page (the queue now, from the halls module), so the organisation
/// module, which owns the page, needs to know nothing of them. Register with <c>services.AddScoped&lt;IHallLiveFigures, …&gt;()</c>.
/// </summary>
public interface IHallLiveFigures
{
    /// <summary>The hall's figures now, or null when the module has nothing for that hall.</summary>
    Task<HallLiveSection?> ForAsync(string hallSlug, CancellationToken cancellationToken);
}

/// <summary>A section of a hall's page: a title, figures already worded for a reader in both languages, and links.</summary>
public sealed record HallLiveSection(string Id, string TitleZh, string TitleEn, IReadOnlyList<HallLiveFigure> Figures, IReadOnlyList<HallLiveLink> Links, string NoteZh, string NoteEn);

public sealed record HallLiveFigure(string LabelZh, string LabelEn, string ValueZh, string ValueEn);

public sealed record HallLiveLink(string Href, string Zh, string En, string Id);
