namespace Tongban.Kernel.Files;

/// <summary>The kinds of material file the platform takes, told apart by their content, never by their name.</summary>
public enum FileKind
{
    Pdf = 1,
    Jpeg = 2,
    Png = 3,

    /// <summary>Open Fixed-layout Document (GB/T 33190): a ZIP package whose entries include OFD.xml.</summary>
    Ofd = 4,
}

/// <summary>A stored file: an id that cannot be guessed, the SHA-256 of its content (hex), its size and kind.</summary>
public sealed record StoredFile(string Id, string Sha256, long Size, FileKind Kind)
{
    public string ContentType => FileKinds.ContentType(Kind);
}

/// <summary>Limits on material files (<c>Files</c> in configuration).</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>The largest file taken, in bytes; 20 MiB unless configured.</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}
