using Tongban.Kernel.Files;

namespace Tongban.Applications.Features.ProvideMaterials;

internal static class FileNames
{
    private const int MaxLength = 120;

    /// <summary>
    /// The name to show and to download under: the last segment of what the browser sent, without control characters,
    /// cut to a length, ending in the extension of the kind found in the content (a renamed file shows what it is).
    /// </summary>
    public static string Clean(string? sent, FileKind kind)
    {
        var name = Path.GetFileNameWithoutExtension((sent ?? "").Replace('\\', '/').Split('/')[^1]);
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>'))]).Trim();
        if (name.Length == 0) name = "material";
        if (name.Length > MaxLength) name = name[..MaxLength];
        return name + FileKinds.Extension(kind);
    }
}
